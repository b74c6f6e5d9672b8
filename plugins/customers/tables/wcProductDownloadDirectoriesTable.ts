import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcProductDownloadDirectory } from './WcProductDownloadDirectory';

/**
 * WooCommerce includes/class-wc-install.php get_schema(), `wc_product_download_directories`: the approved download
 * directories (enforced when the option `wc_downloads_approved_directories_mode` is `enabled`).
 */
export const wcProductDownloadDirectoriesTable: TableDefinition = {
  entity: WcProductDownloadDirectory,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  url_id bigint(20) unsigned NOT NULL auto_increment,
  url varchar(256) NOT NULL,
  enabled tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (url_id),
  KEY url (url(191))
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "url_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "url" varchar(256) NOT NULL COLLATE NOCASE,
  "enabled" tinyint(1) NOT NULL DEFAULT 0
)`,
    sqliteIndex(table, 'url', ['url']),
  ],
};
