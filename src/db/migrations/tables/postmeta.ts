import { sqliteIndex, type TableDefinition } from '../../tableDefinition';
import { WpPostMeta } from '../../../../entities/WpPostMeta';

/** wp-admin/includes/schema.php, `$wpdb->postmeta`. */
export const postmetaTable: TableDefinition = {
  entity: WpPostMeta,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  post_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY post_id (post_id),
  KEY meta_key (meta_key(191))
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "meta_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "post_id" bigint NOT NULL DEFAULT 0,
  "meta_key" varchar(255) DEFAULT NULL COLLATE NOCASE,
  "meta_value" TEXT
)`,
    sqliteIndex(table, 'post_id', ['post_id']),
    sqliteIndex(table, 'meta_key', ['meta_key']),
  ],
};
