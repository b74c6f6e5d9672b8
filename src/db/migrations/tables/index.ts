import { optionsTable } from './options';
import { postmetaTable } from './postmeta';
import { postsTable } from './posts';
import { usermetaTable } from './usermeta';
import { usersTable } from './users';
import { woocommerceApiKeysTable } from './woocommerceApiKeys';
import { woocommerceDownloadableProductPermissionsTable } from './woocommerceDownloadableProductPermissions';
import { wcProductDownloadDirectoriesTable } from './wcProductDownloadDirectories';
import { wcOrdersTable } from './wcOrders';
import { wcOrderAddressesTable } from './wcOrderAddresses';
import { wcOrderOperationalDataTable } from './wcOrderOperationalData';
import { wcOrdersMetaTable } from './wcOrdersMeta';
import type { WordPressTable } from './WordPressTable';

export type { WordPressTable } from './WordPressTable';

/**
 * The tables wc-host reads and writes, in the order WordPress then WooCommerce create them (WooCommerce appends the
 * HPOS order tables to its schema last).
 */
export const wordPressTables: readonly WordPressTable[] = [
  usersTable,
  usermetaTable,
  optionsTable,
  postmetaTable,
  postsTable,
  woocommerceApiKeysTable,
  woocommerceDownloadableProductPermissionsTable,
  wcProductDownloadDirectoriesTable,
  wcOrdersTable,
  wcOrderAddressesTable,
  wcOrderOperationalDataTable,
  wcOrdersMetaTable,
];
