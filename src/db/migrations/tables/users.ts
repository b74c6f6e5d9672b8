import { sqliteIndex, type TableDefinition } from '../../tableDefinition';
import { WpUser } from '../../../../entities/WpUser';

/** wp-admin/includes/schema.php, single-site `$users_single_table`. */
export const usersTable: TableDefinition = {
  entity: WpUser,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  ID bigint(20) unsigned NOT NULL auto_increment,
  user_login varchar(60) NOT NULL default '',
  user_pass varchar(255) NOT NULL default '',
  user_nicename varchar(50) NOT NULL default '',
  user_email varchar(100) NOT NULL default '',
  user_url varchar(100) NOT NULL default '',
  user_registered datetime NOT NULL default '0000-00-00 00:00:00',
  user_activation_key varchar(255) NOT NULL default '',
  user_status int(11) NOT NULL default '0',
  display_name varchar(250) NOT NULL default '',
  PRIMARY KEY  (ID),
  KEY user_login_key (user_login),
  KEY user_nicename (user_nicename),
  KEY user_email (user_email)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" (
  "ID" INTEGER PRIMARY KEY AUTOINCREMENT,
  "user_login" varchar(60) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_pass" varchar(255) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_nicename" varchar(50) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_email" varchar(100) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_url" varchar(100) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_registered" TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  "user_activation_key" varchar(255) NOT NULL DEFAULT '' COLLATE NOCASE,
  "user_status" INTEGER NOT NULL DEFAULT 0,
  "display_name" varchar(250) NOT NULL DEFAULT '' COLLATE NOCASE
)`,
    sqliteIndex(table, 'user_login_key', ['user_login']),
    sqliteIndex(table, 'user_nicename', ['user_nicename']),
    sqliteIndex(table, 'user_email', ['user_email']),
  ],
};
