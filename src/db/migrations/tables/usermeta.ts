import { sqliteIndex, type TableDefinition } from '../../tableDefinition';
import { WpUserMeta } from '../../../../entities/WpUserMeta';

/** wp-admin/includes/schema.php `$usermeta_table`. */
export const usermetaTable: TableDefinition = {
  entity: WpUserMeta,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  umeta_id bigint(20) unsigned NOT NULL auto_increment,
  user_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (umeta_id),
  KEY user_id (user_id),
  KEY meta_key (meta_key(191))
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "umeta_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "user_id" bigint NOT NULL DEFAULT 0,
  "meta_key" varchar(255) DEFAULT NULL COLLATE NOCASE,
  "meta_value" TEXT
)`,
    sqliteIndex(table, 'user_id', ['user_id']),
    sqliteIndex(table, 'meta_key', ['meta_key']),
  ],
};
