import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcDownloadPermission } from './WcDownloadPermission';

/** WooCommerce includes/class-wc-install.php get_schema(), `woocommerce_downloadable_product_permissions`. */
export const woocommerceDownloadableProductPermissionsTable: TableDefinition = {
  entity: WcDownloadPermission,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  permission_id bigint(20) unsigned NOT NULL auto_increment,
  download_id varchar(36) NOT NULL,
  product_id bigint(20) unsigned NOT NULL,
  order_id bigint(20) unsigned NOT NULL DEFAULT 0,
  order_key varchar(200) NOT NULL,
  user_email varchar(200) NOT NULL,
  user_id bigint(20) unsigned NULL,
  downloads_remaining varchar(9) NULL,
  access_granted datetime NOT NULL default '0000-00-00 00:00:00',
  access_expires datetime NULL default null,
  download_count bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (permission_id),
  KEY download_order_key_product (product_id,order_id,order_key(16),download_id),
  KEY download_order_product (download_id,order_id,product_id),
  KEY order_id (order_id),
  KEY user_order_remaining_expires (user_id,order_id,downloads_remaining,access_expires),
  KEY idx_user_email (user_email(100))
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "permission_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "download_id" varchar(36) NOT NULL COLLATE NOCASE,
  "product_id" bigint NOT NULL,
  "order_id" bigint NOT NULL DEFAULT 0,
  "order_key" varchar(200) NOT NULL COLLATE NOCASE,
  "user_email" varchar(200) NOT NULL COLLATE NOCASE,
  "user_id" bigint NULL,
  "downloads_remaining" varchar(9) NULL COLLATE NOCASE,
  "access_granted" TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  "access_expires" TEXT NULL DEFAULT NULL,
  "download_count" bigint NOT NULL DEFAULT 0
)`,
    sqliteIndex(table, 'download_order_key_product', ['product_id', 'order_id', 'order_key', 'download_id']),
    sqliteIndex(table, 'download_order_product', ['download_id', 'order_id', 'product_id']),
    sqliteIndex(table, 'order_id', ['order_id']),
    sqliteIndex(table, 'user_order_remaining_expires', [
      'user_id',
      'order_id',
      'downloads_remaining',
      'access_expires',
    ]),
    sqliteIndex(table, 'idx_user_email', ['user_email']),
  ],
};
