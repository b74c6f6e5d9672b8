import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { WpUser } from '../entities';
import { TablePrefixNamingStrategy, tablePrefixOf } from '../entities/tablePrefix';
import { createDataSource } from '../src/db/createDataSource';
import { dialectOf } from '../src/db/dialect';
import { wcHostMigrations } from '../src/db/migrations';
import { mysqlLockName } from '../src/db/mysqlLockName';
import { WORDPRESS_INCOMPATIBLE_SQL_MODES } from '../src/db/wordPressSqlMode';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

describe('createDataSource', () => {
  let database: TestDatabase;
  let opened: OpenDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url, 'shop_');
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('names entity tables with the table prefix and never synchronizes or runs migrations by itself', () => {
    expect(opened.dataSource.getMetadata(WpUser).tableName).toBe('shop_users');
    expect(tablePrefixOf(opened.dataSource)).toBe('shop_');
    expect(opened.dataSource.options).toMatchObject({
      synchronize: false,
      migrationsRun: false,
      migrationsTableName: 'shop_wc_host_migrations',
    });
    expect(() => new TablePrefixNamingStrategy('wp-')).toThrow(/letters, digits and underscores/);
    expect(() => tablePrefixOf(new DataSource({ type: 'better-sqlite3', database: ':memory:' }))).toThrow(
      /table prefix/,
    );
  });

  it('configures each connection the way WordPress needs it', async () => {
    const { db } = opened;
    if (db.dialect === 'sqlite') {
      expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await db.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      return;
    }
    const SESSION =
      'SELECT @@SESSION.sql_mode AS mode, @@character_set_connection AS charset, @@collation_connection AS collation';
    // Every pooled connection, including the one TypeORM opened while initializing, and a transaction's.
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () =>
        db.query<{ mode: string; charset: string; collation: string }>(`${SESSION}, SLEEP(0.05) AS pause`),
      ),
    );
    sessions.push(await db.transaction((tx) => tx.query(SESSION)));
    for (const [session] of sessions) {
      const modes = session.mode.split(',');
      for (const incompatible of WORDPRESS_INCOMPATIBLE_SQL_MODES) expect(modes).not.toContain(incompatible);
      expect(session).toMatchObject({ charset: 'utf8mb4', collation: 'utf8mb4_unicode_520_ci' });
    }
    // What strict mode would refuse and WordPress relies on: a row without a value for a NOT NULL column.
    await db.execute(`CREATE TABLE ${db.table('loose')} (id int NOT NULL, note varchar(10) NOT NULL)`);
    await expect(db.execute(`INSERT INTO ${db.table('loose')} (id) VALUES (1)`)).resolves.toMatchObject({
      affectedRows: 1,
    });
  });

  it('returns DATETIME values as WordPress date strings and BIGINT ids as numbers', async () => {
    const { db } = opened;
    await db.execute(
      db.dialect === 'mysql'
        ? `CREATE TABLE ${db.table('dated')} (id bigint(20) unsigned NOT NULL auto_increment PRIMARY KEY,
             at datetime NOT NULL default '0000-00-00 00:00:00')`
        : `CREATE TABLE ${db.table('dated')} (id INTEGER PRIMARY KEY AUTOINCREMENT,
             at TEXT NOT NULL DEFAULT '0000-00-00 00:00:00')`,
    );
    await db.execute(`INSERT INTO ${db.table('dated')} (at) VALUES (?)`, ['2024-02-29 23:59:58']);
    await db.execute(`INSERT INTO ${db.table('dated')} (id) VALUES (?)`, [2]);
    expect(await db.query(`SELECT id, at FROM ${db.table('dated')} ORDER BY id`)).toEqual([
      { id: 1, at: '2024-02-29 23:59:58' },
      { id: 2, at: '0000-00-00 00:00:00' },
    ]);
  });

  it('creates the folder of a new SQLite file, and accepts sqlite::memory:', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'wc-host-ds-'));
    const file = path.join(folder, 'nested', 'data', 'shop.sqlite');
    const fileSource = createDataSource({ url: `sqlite:${file}`, tablePrefix: 'wp_' });
    const memorySource = createDataSource({ url: 'sqlite::memory:', tablePrefix: 'wp_' });
    try {
      await fileSource.initialize();
      await memorySource.initialize();
      expect(existsSync(file)).toBe(true);
      expect(await memorySource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await fileSource.destroy();
      await memorySource.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('recognises only the databases wc-host supports', () => {
    expect(dialectOf(opened.dataSource)).toBe(opened.db.dialect);
    expect(() => dialectOf({ options: { type: 'postgres' } })).toThrow(/supports SQLite/);
  });
});

describe('ormconfig.ts (for the TypeORM CLI)', () => {
  it('builds its DataSource from DATABASE_URL and DB_TABLE_PREFIX, with wc-host migrations', () => {
    const saved = { url: process.env.DATABASE_URL, prefix: process.env.DB_TABLE_PREFIX };
    process.env.DATABASE_URL = 'sqlite::memory:';
    process.env.DB_TABLE_PREFIX = 'cli_';
    try {
      let cliSource: DataSource | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous load
        cliSource = (require('../ormconfig') as { default: DataSource }).default;
      });
      // isolateModules loaded its own copies of our classes, so compare by name rather than identity.
      const { type, database, migrations, migrationsTableName } = cliSource!.options;
      expect({ type, database, migrationsTableName }).toEqual({
        type: 'better-sqlite3',
        database: ':memory:',
        migrationsTableName: 'cli_wc_host_migrations',
      });
      expect((migrations as Array<{ name: string }>).map((migration) => migration.name)).toEqual(
        wcHostMigrations.map((migration) => migration.name),
      );
      expect(cliSource!.namingStrategy.tableName('WpUser', 'users')).toBe('cli_users');
    } finally {
      for (const [name, value] of [
        ['DATABASE_URL', saved.url],
        ['DB_TABLE_PREFIX', saved.prefix],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('mysqlLockName', () => {
  it('scopes a lock to the database and table prefix, within the 64 characters MySQL allows', () => {
    expect(mysqlLockName('shop', 'wp_', 'customers')).toBe('wc_host:shop:wp_:customers');
    expect(mysqlLockName('other', 'wp_', 'customers')).not.toBe(mysqlLockName('shop', 'wp_', 'customers'));
    const long = mysqlLockName('a'.repeat(60), 'wp_', 'customers');
    expect(long).toMatch(/^wc_host:[0-9a-f]+$/);
    expect(long.length).toBeLessThanOrEqual(64);
  });
});
