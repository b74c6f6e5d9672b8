import { optionsTable } from './options';
import { postmetaTable } from './postmeta';
import { postsTable } from './posts';
import { usermetaTable } from './usermeta';
import { usersTable } from './users';
import { wcHostRateLimitsTable } from './wcHostRateLimits';
import { wcHostStateTable } from './wcHostState';
import type { TableDefinition } from '../../tableDefinition';

/**
 * The WordPress core tables the host creates, in the order WordPress creates them. WooCommerce's tables belong to the
 * plugins that use them (plugins/woocommerce-core, plugins/customers), which declare them.
 */
export const wordPressTables: readonly TableDefinition[] = [
  usersTable,
  usermetaTable,
  optionsTable,
  postmetaTable,
  postsTable,
];

/** Every table the host's migrations create (see ../index.ts): WordPress core's and wc-host's own. */
export const hostTables: readonly TableDefinition[] = [...wordPressTables, wcHostStateTable, wcHostRateLimitsTable];
