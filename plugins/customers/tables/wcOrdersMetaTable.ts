import { sqliteIndex, type TableDefinition } from '../../../src/db/tableDefinition';
import { WcOrderMeta } from './WcOrderMeta';

/** WooCommerce's HPOS order meta table (OrdersTableDataStore::get_database_schema, max index length 191). */
export const wcOrdersMetaTable: TableDefinition = {
  entity: WcOrderMeta,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  id bigint(20) unsigned auto_increment primary key,
  order_id bigint(20) unsigned null,
  meta_key varchar(255),
  meta_value text null,
  KEY meta_key_value (meta_key(100), meta_value(82)),
  KEY order_id_meta_key_meta_value (order_id, meta_key(100), meta_value(82))
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "order_id" bigint NULL,
  "meta_key" varchar(255) NULL COLLATE NOCASE,
  "meta_value" TEXT NULL
)`,
    sqliteIndex(table, 'meta_key_value', ['meta_key', 'meta_value']),
    sqliteIndex(table, 'order_id_meta_key_meta_value', ['order_id', 'meta_key', 'meta_value']),
  ],
};
