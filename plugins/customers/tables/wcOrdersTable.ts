import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcOrder } from './WcOrder';

/**
 * WooCommerce's HPOS orders table (OrdersTableDataStore::get_database_schema, max index length 191). `id` is no
 * auto-increment: an order's id comes from the posts table, where WooCommerce reserves it.
 */
export const wcOrdersTable: TableDefinition = {
  entity: WcOrder,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  id bigint(20) unsigned,
  status varchar(20) null,
  currency varchar(10) null,
  type varchar(20) null,
  tax_amount decimal(26,8) null,
  total_amount decimal(26,8) null,
  customer_id bigint(20) unsigned null,
  billing_email varchar(320) null,
  date_created_gmt datetime null,
  date_updated_gmt datetime null,
  parent_order_id bigint(20) unsigned null,
  payment_method varchar(100) null,
  payment_method_title text null,
  transaction_id varchar(100) null,
  ip_address varchar(100) null,
  user_agent text null,
  customer_note text null,
  PRIMARY KEY (id),
  KEY status (status),
  KEY date_created (date_created_gmt),
  KEY customer_id_billing_email (customer_id, billing_email(171)),
  KEY billing_email (billing_email(191)),
  KEY type_status_date (type, status, date_created_gmt),
  KEY parent_order_id (parent_order_id),
  KEY date_updated (date_updated_gmt)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "id" bigint NOT NULL PRIMARY KEY,
  "status" varchar(20) NULL COLLATE NOCASE,
  "currency" varchar(10) NULL COLLATE NOCASE,
  "type" varchar(20) NULL COLLATE NOCASE,
  "tax_amount" decimal(26,8) NULL,
  "total_amount" decimal(26,8) NULL,
  "customer_id" bigint NULL,
  "billing_email" varchar(320) NULL COLLATE NOCASE,
  "date_created_gmt" TEXT NULL,
  "date_updated_gmt" TEXT NULL,
  "parent_order_id" bigint NULL,
  "payment_method" varchar(100) NULL COLLATE NOCASE,
  "payment_method_title" TEXT NULL,
  "transaction_id" varchar(100) NULL COLLATE NOCASE,
  "ip_address" varchar(100) NULL COLLATE NOCASE,
  "user_agent" TEXT NULL,
  "customer_note" TEXT NULL
)`,
    sqliteIndex(table, 'status', ['status']),
    sqliteIndex(table, 'date_created', ['date_created_gmt']),
    sqliteIndex(table, 'customer_id_billing_email', ['customer_id', 'billing_email']),
    sqliteIndex(table, 'billing_email', ['billing_email']),
    sqliteIndex(table, 'type_status_date', ['type', 'status', 'date_created_gmt']),
    sqliteIndex(table, 'parent_order_id', ['parent_order_id']),
    sqliteIndex(table, 'date_updated', ['date_updated_gmt']),
  ],
};
