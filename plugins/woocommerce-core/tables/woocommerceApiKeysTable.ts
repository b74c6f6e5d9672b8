import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcApiKey } from './WcApiKey';

/** WooCommerce includes/class-wc-install.php get_schema(), `woocommerce_api_keys`. */
export const woocommerceApiKeysTable: TableDefinition = {
  entity: WcApiKey,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  key_id bigint(20) unsigned NOT NULL auto_increment,
  user_id bigint(20) unsigned NOT NULL,
  description varchar(200) NULL,
  permissions varchar(10) NOT NULL,
  consumer_key char(64) NOT NULL,
  consumer_secret char(43) NOT NULL,
  nonces longtext NULL,
  truncated_key char(7) NOT NULL,
  last_access datetime NULL default null,
  PRIMARY KEY  (key_id),
  KEY consumer_key (consumer_key),
  KEY consumer_secret (consumer_secret)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "key_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "user_id" bigint NOT NULL,
  "description" varchar(200) NULL COLLATE NOCASE,
  "permissions" varchar(10) NOT NULL COLLATE NOCASE,
  "consumer_key" char(64) NOT NULL COLLATE NOCASE,
  "consumer_secret" char(43) NOT NULL COLLATE NOCASE,
  "nonces" TEXT NULL,
  "truncated_key" char(7) NOT NULL COLLATE NOCASE,
  "last_access" TEXT NULL DEFAULT NULL
)`,
    sqliteIndex(table, 'consumer_key', ['consumer_key']),
    sqliteIndex(table, 'consumer_secret', ['consumer_secret']),
  ],
};
