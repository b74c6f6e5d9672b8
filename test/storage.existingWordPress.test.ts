import { migrate } from '../src/db/migrate';
import type { Db } from '../src/db/types';
import type { Logger } from '../src/host/types';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** How a table is defined: SHOW CREATE TABLE on MySQL; the table's and its indexes' SQL on SQLite. */
async function definitionOf(db: Db, table: string): Promise<string> {
  if (db.dialect === 'mysql') {
    const [row] = await db.query<Record<string, string>>(`SHOW CREATE TABLE ${db.table(table)}`);
    return row['Create Table'];
  }
  const rows = await db.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE tbl_name = ? ORDER BY name`, [
    `wp_${table}`,
  ]);
  return rows.map((row) => row.sql).join(';\n');
}

/**
 * A site's own users table that differs from ours (multisite columns, an extra index, another collation) and
 * holds a user, plus an options table with the site's settings.
 */
async function createLiveSiteTables(db: Db): Promise<void> {
  if (db.dialect === 'mysql') {
    await db.execute(`CREATE TABLE ${db.table('users')} (
      ID bigint(20) unsigned NOT NULL auto_increment, user_login varchar(60) NOT NULL default '',
      user_pass varchar(255) NOT NULL default '', user_nicename varchar(50) NOT NULL default '',
      user_email varchar(100) NOT NULL default '', user_url varchar(100) NOT NULL default '',
      user_registered datetime NOT NULL default '0000-00-00 00:00:00', user_activation_key varchar(255) NOT NULL default '',
      user_status int(11) NOT NULL default '0', display_name varchar(250) NOT NULL default '',
      spam tinyint(2) NOT NULL default '0', deleted tinyint(2) NOT NULL default '0',
      PRIMARY KEY (ID), KEY user_login_key (user_login), KEY user_email (user_email), KEY site_custom (display_name(20))
    ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await db.execute(`CREATE TABLE ${db.table('options')} (
      option_id bigint(20) unsigned NOT NULL auto_increment, option_name varchar(191) NOT NULL default '',
      option_value longtext NOT NULL, autoload varchar(20) NOT NULL default 'yes',
      PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name)
    ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } else {
    await db.execute(`CREATE TABLE ${db.table('users')} (
      "ID" INTEGER PRIMARY KEY AUTOINCREMENT, "user_login" varchar(60) NOT NULL DEFAULT '',
      "user_pass" varchar(255) NOT NULL DEFAULT '', "user_nicename" varchar(50) NOT NULL DEFAULT '',
      "user_email" varchar(100) NOT NULL DEFAULT '', "user_url" varchar(100) NOT NULL DEFAULT '',
      "user_registered" TEXT NOT NULL DEFAULT '0000-00-00 00:00:00', "user_activation_key" varchar(255) NOT NULL DEFAULT '',
      "user_status" INTEGER NOT NULL DEFAULT 0, "display_name" varchar(250) NOT NULL DEFAULT '',
      "spam" INTEGER NOT NULL DEFAULT 0, "deleted" INTEGER NOT NULL DEFAULT 0)`);
    await db.execute(`CREATE INDEX "site_custom" ON ${db.table('users')} ("display_name")`);
    await db.execute(`CREATE TABLE ${db.table('options')} (
      "option_id" INTEGER PRIMARY KEY AUTOINCREMENT, "option_name" varchar(191) NOT NULL DEFAULT '',
      "option_value" TEXT NOT NULL, "autoload" varchar(20) NOT NULL DEFAULT 'yes')`);
  }
  await db.execute(
    `INSERT INTO ${db.table('users')} (ID, user_login, user_email, user_registered, display_name) VALUES (?, ?, ?, ?, ?)`,
    [7, 'editor', 'Editor@Live.example', '2019-03-04 05:06:07', 'The Editor'],
  );
  await db.execute(`INSERT INTO ${db.table('options')} (option_name, option_value) VALUES ('blogname', 'Live shop')`);
}

describe('migrate() on a database that already holds WordPress tables', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    db = opened.db;
    await createLiveSiteTables(db);
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('creates only the missing tables, leaves the existing ones exactly as they were, and does not seed', async () => {
    const before = { users: await definitionOf(db, 'users'), options: await definitionOf(db, 'options') };

    const result = await migrate(db, silent);

    expect(result).toEqual({
      createdTables: [
        'wp_woocommerce_api_keys',
        'wp_woocommerce_downloadable_product_permissions',
        'wp_wc_product_download_directories',
        'wp_wc_orders',
        'wp_wc_order_addresses',
        'wp_wc_order_operational_data',
        'wp_wc_orders_meta',
        'wp_usermeta',
        'wp_postmeta',
        'wp_posts',
        'wp_wc_host_state',
        'wp_wc_host_rate_limits',
      ],
      seeded: false,
    });
    expect({ users: await definitionOf(db, 'users'), options: await definitionOf(db, 'options') }).toEqual(before);
    const users = await db.query(
      `SELECT ID, user_login, user_email, user_registered, display_name FROM ${db.table('users')}`,
    );
    expect(users).toEqual([
      {
        ID: 7,
        user_login: 'editor',
        user_email: 'Editor@Live.example',
        user_registered: '2019-03-04 05:06:07',
        display_name: 'The Editor',
      },
    ]);
    expect(await db.query(`SELECT option_name, option_value FROM ${db.table('options')}`)).toEqual([
      { option_name: 'blogname', option_value: 'Live shop' },
    ]);
    expect(await db.query(`SELECT umeta_id FROM ${db.table('usermeta')}`)).toEqual([]);
  });
});
