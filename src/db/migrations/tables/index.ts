import { optionsTable } from './options';
import { postmetaTable } from './postmeta';
import { postsTable } from './posts';
import { usermetaTable } from './usermeta';
import { usersTable } from './users';
import { woocommerceApiKeysTable } from './woocommerceApiKeys';
import { woocommerceDownloadableProductPermissionsTable } from './woocommerceDownloadableProductPermissions';
import type { WordPressTable } from './WordPressTable';

export type { WordPressTable } from './WordPressTable';

/** The tables wc-host reads and writes, in the order WordPress then WooCommerce create them. */
export const wordPressTables: readonly WordPressTable[] = [
  usersTable,
  usermetaTable,
  optionsTable,
  postmetaTable,
  postsTable,
  woocommerceApiKeysTable,
  woocommerceDownloadableProductPermissionsTable,
];
