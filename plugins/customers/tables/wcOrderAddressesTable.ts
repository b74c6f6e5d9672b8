import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcOrderAddress } from './WcOrderAddress';

/** WooCommerce's HPOS order addresses table (OrdersTableDataStore::get_database_schema, max index length 191). */
export const wcOrderAddressesTable: TableDefinition = {
  entity: WcOrderAddress,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  id bigint(20) unsigned auto_increment primary key,
  order_id bigint(20) unsigned NOT NULL,
  address_type varchar(20) null,
  first_name text null,
  last_name text null,
  company text null,
  address_1 text null,
  address_2 text null,
  city text null,
  state text null,
  postcode text null,
  country text null,
  email varchar(320) null,
  phone varchar(100) null,
  KEY order_id (order_id),
  UNIQUE KEY address_type_order_id (address_type, order_id),
  KEY email (email(191)),
  KEY phone (phone)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "order_id" bigint NOT NULL,
  "address_type" varchar(20) NULL COLLATE NOCASE,
  "first_name" TEXT NULL,
  "last_name" TEXT NULL,
  "company" TEXT NULL,
  "address_1" TEXT NULL,
  "address_2" TEXT NULL,
  "city" TEXT NULL,
  "state" TEXT NULL,
  "postcode" TEXT NULL,
  "country" TEXT NULL,
  "email" varchar(320) NULL COLLATE NOCASE,
  "phone" varchar(100) NULL COLLATE NOCASE
)`,
    sqliteIndex(table, 'order_id', ['order_id']),
    sqliteIndex(table, 'address_type_order_id', ['address_type', 'order_id'], true),
    sqliteIndex(table, 'email', ['email']),
    sqliteIndex(table, 'phone', ['phone']),
  ],
};
