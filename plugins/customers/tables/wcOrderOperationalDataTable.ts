import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcOrderOperationalData } from './WcOrderOperationalData';

/** WooCommerce's HPOS operational data table (order key, dates paid/completed…; OrdersTableDataStore::get_database_schema). */
export const wcOrderOperationalDataTable: TableDefinition = {
  entity: WcOrderOperationalData,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  id bigint(20) unsigned auto_increment primary key,
  order_id bigint(20) unsigned NULL,
  created_via varchar(100) NULL,
  woocommerce_version varchar(20) NULL,
  prices_include_tax tinyint(1) NULL,
  coupon_usages_are_counted tinyint(1) NULL,
  download_permission_granted tinyint(1) NULL,
  cart_hash varchar(100) NULL,
  new_order_email_sent tinyint(1) NULL,
  order_key varchar(100) NULL,
  order_stock_reduced tinyint(1) NULL,
  date_paid_gmt datetime NULL,
  date_completed_gmt datetime NULL,
  shipping_tax_amount decimal(26,8) NULL,
  shipping_total_amount decimal(26,8) NULL,
  discount_tax_amount decimal(26,8) NULL,
  discount_total_amount decimal(26,8) NULL,
  recorded_sales tinyint(1) NULL,
  UNIQUE KEY order_id (order_id),
  KEY order_key (order_key)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "order_id" bigint NULL,
  "created_via" varchar(100) NULL COLLATE NOCASE,
  "woocommerce_version" varchar(20) NULL COLLATE NOCASE,
  "prices_include_tax" tinyint(1) NULL,
  "coupon_usages_are_counted" tinyint(1) NULL,
  "download_permission_granted" tinyint(1) NULL,
  "cart_hash" varchar(100) NULL COLLATE NOCASE,
  "new_order_email_sent" tinyint(1) NULL,
  "order_key" varchar(100) NULL COLLATE NOCASE,
  "order_stock_reduced" tinyint(1) NULL,
  "date_paid_gmt" TEXT NULL,
  "date_completed_gmt" TEXT NULL,
  "shipping_tax_amount" decimal(26,8) NULL,
  "shipping_total_amount" decimal(26,8) NULL,
  "discount_tax_amount" decimal(26,8) NULL,
  "discount_total_amount" decimal(26,8) NULL,
  "recorded_sales" tinyint(1) NULL
)`,
    sqliteIndex(table, 'order_id', ['order_id'], true),
    sqliteIndex(table, 'order_key', ['order_key']),
  ],
};
