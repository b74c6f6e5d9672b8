import { sqliteIndex, type TableDefinition } from '../../tableDefinition';
import { WpOption } from '../../../../entities/WpOption';

/** wp-admin/includes/schema.php, `$wpdb->options`. option_name is UNIQUE, case-insensitively (the collation). */
export const optionsTable: TableDefinition = {
  entity: WpOption,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  option_id bigint(20) unsigned NOT NULL auto_increment,
  option_name varchar(191) NOT NULL default '',
  option_value longtext NOT NULL,
  autoload varchar(20) NOT NULL default 'yes',
  PRIMARY KEY  (option_id),
  UNIQUE KEY option_name (option_name),
  KEY autoload (autoload)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "option_id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "option_name" varchar(191) NOT NULL DEFAULT '' COLLATE NOCASE,
  "option_value" TEXT NOT NULL,
  "autoload" varchar(20) NOT NULL DEFAULT 'yes' COLLATE NOCASE
)`,
    sqliteIndex(table, 'option_name', ['option_name'], true),
    sqliteIndex(table, 'autoload', ['autoload']),
  ],
};
