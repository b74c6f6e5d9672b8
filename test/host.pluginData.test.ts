import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Column, Entity, Index, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/databaseUrl';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { definePlugin } from '../src/host/definePlugin';
import customersPlugin from '../plugins/customers';
import type { Db } from '../src/db/types';
import type { Host, HostOptions, Plugin } from '../src/host/types';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';

const silent = createLogger('silent');

/** A third-party plugin's own table, declared only as an entity: the host builds it from the entity. */
@Entity('acme_points')
@Index('user_reason', ['user_id', 'reason'])
@Index('code', ['code'], { unique: true })
class AcmePoints {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true })
  user_id!: number;

  @Column({ type: 'int', default: 0 })
  points!: number;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reason!: string | null;
}

const pointsPlugin = definePlugin({
  name: 'acme/points',
  tables: [{ entity: AcmePoints }],
  async register({ dataSource }) {
    // The plugin reaches its table through the host's DataSource.
    await dataSource.getRepository(AcmePoints).count();
  },
});

/** Index names, unique flags and columns as the database has them (SQLite names carry the table, see createMissingTables). */
async function indexesOf(db: Db, table: string): Promise<string[]> {
  if (db.dialect === 'mysql') {
    const rows = await db.query<{ name: string; nonUnique: number | string; column: string }>(
      `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS \`column\` FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [table],
    );
    const keys = new Map<string, string[]>();
    for (const row of rows)
      keys.set(`${Number(row.nonUnique) === 0 ? 'UNIQUE ' : ''}${row.name}`, [
        ...(keys.get(`${Number(row.nonUnique) === 0 ? 'UNIQUE ' : ''}${row.name}`) ?? []),
        row.column,
      ]);
    return [...keys].map(([key, columns]) => `${key} (${columns.join(',')})`).sort();
  }
  const indexes = await db.query<{ name: string; unique: number }>(
    `SELECT name, "unique" FROM pragma_index_list(?) WHERE origin = 'c'`,
    [table],
  );
  const keys: string[] = [];
  for (const index of indexes) {
    const columns = await db.query<{ name: string }>(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, [
      index.name,
    ]);
    keys.push(
      `${index.unique ? 'UNIQUE ' : ''}${index.name.replace(`${table}_`, '')} (${columns.map((column) => column.name).join(',')})`,
    );
  }
  return keys.sort();
}

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'mysql'
      ? await db.query<{ name: string }>(
          `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
        )
      : await db.query<{ name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  return rows.map((row) => row.name).sort();
}

describe('plugins own their data', () => {
  let database: TestDatabase;
  const hosts: Host[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    while (hosts.length > 0) await hosts.pop()?.close();
    await database.drop();
  });

  async function host(options: HostOptions): Promise<Host> {
    const created = await createHost({ databaseUrl: database.url, logger: silent, pluginModules: [], ...options });
    hosts.push(created);
    return created;
  }

  it("creates a plugin's own table from its entity, with the table prefix, columns and indexes, before it registers", async () => {
    const loaded = await host({ tablePrefix: 'shop_', plugins: [pointsPlugin] });
    const { db } = loaded;
    expect(await tableNames(db)).toContain('shop_acme_points');
    expect(await indexesOf(db, 'shop_acme_points')).toEqual(['UNIQUE code (code)', 'user_reason (user_id,reason)']);

    const points = loaded.dataSource.getRepository(AcmePoints);
    const saved = await points.save(points.create({ user_id: 1, points: 5, code: 'welcome', reason: null }));
    expect(await db.query(`SELECT id, user_id, points, code, reason FROM ${db.table('acme_points')}`)).toEqual([
      { id: saved.id, user_id: 1, points: 5, code: 'welcome', reason: null },
    ]);
    await expect(points.save(points.create({ user_id: 2, code: 'welcome' }))).rejects.toThrow(/duplicate|unique/i);
  });

  it('creates only what is missing: an existing plugin table is left as it is, rows and all, at the next start', async () => {
    const first = await host({ plugins: [pointsPlugin] });
    await first.db.execute(
      `INSERT INTO ${first.db.table('acme_points')} (user_id, points, code) VALUES (1, 3, 'kept')`,
    );
    // Another shape than the entity's: a site's own changes survive.
    await first.db.execute(`ALTER TABLE ${first.db.table('acme_points')} ADD COLUMN note varchar(10) NULL`);
    await first.db.execute(`DROP TABLE ${first.db.table('wc_orders_meta')}`);
    await hosts.pop()?.close();

    const second = await host({ plugins: [pointsPlugin] });
    expect(await second.db.query(`SELECT code, note FROM ${second.db.table('acme_points')}`)).toEqual([
      { code: 'kept', note: null },
    ]);
    // A built-in plugin's table that went missing is created again; the migration history is not touched.
    expect(await tableNames(second.db)).toContain('wp_wc_orders_meta');
    expect(await second.db.query(`SELECT name FROM ${second.db.table('wc_host_migrations')} ORDER BY id`)).toEqual([
      { name: 'CreateWordPressTables1764115200000' },
      { name: 'CreateWcHostState1765000000000' },
      { name: 'CreateWcHostRateLimits1766000000000' },
      { name: 'CreateWcHostRateLimitsOnSqlite1767000000000' },
    ]);
  });

  it("runs a plugin's migrations once, after its tables exist, and records them with the host's", async () => {
    let runs = 0;
    class SeedAcmePoints1769000000000 implements MigrationInterface {
      readonly name = 'SeedAcmePoints1769000000000';
      async up(queryRunner: QueryRunner): Promise<void> {
        runs += 1;
        const table = queryRunner.connection.getMetadata(AcmePoints).tableName;
        await queryRunner.query(`INSERT INTO ${table} (user_id, points, code) VALUES (1, 10, 'founder')`);
      }
      async down(): Promise<void> {}
    }
    const migrating = definePlugin({ ...pointsPlugin, migrations: [SeedAcmePoints1769000000000] });
    await host({ plugins: [migrating] });
    await hosts.pop()?.close();
    const second = await host({ plugins: [migrating] });
    expect(runs).toBe(1);
    expect(await second.db.query(`SELECT code FROM ${second.db.table('acme_points')}`)).toEqual([{ code: 'founder' }]);
    expect(
      await second.db.query(`SELECT name FROM ${second.db.table('wc_host_migrations')} ORDER BY timestamp`),
    ).toEqual([
      { name: 'CreateWordPressTables1764115200000' },
      { name: 'CreateWcHostState1765000000000' },
      { name: 'CreateWcHostRateLimits1766000000000' },
      { name: 'CreateWcHostRateLimitsOnSqlite1767000000000' },
      { name: 'SeedAcmePoints1769000000000' },
    ]);
  });

  it('registers plugins after the plugins they require, and creates their tables in that order too', async () => {
    const registered: string[] = [];
    const recording = (name: string, requires: string[], tables: Plugin['tables'] = []): Plugin =>
      definePlugin({ name, requires, tables, register: () => void registered.push(name) });
    const loaded = await host({
      builtinPlugins: false,
      plugins: [
        recording('acme/c', ['acme/b', 'acme/a']),
        recording('acme/b', ['acme/a'], [{ entity: AcmePoints }]),
        recording('acme/a', []),
        recording('acme/d', []),
      ],
    });
    expect(registered).toEqual(['acme/a', 'acme/b', 'acme/c', 'acme/d']);
    expect(await tableNames(loaded.db)).toContain('wp_acme_points');
  });

  it("creates woocommerce/core's table before woocommerce/customers' (which requires it), whichever folder comes first", async () => {
    const created: Array<[table: unknown, plugin: unknown]> = [];
    const logger = {
      ...silent,
      debug: (message: string, fields?: Record<string, unknown>) =>
        void (message === 'Created table' && created.push([fields?.table, fields?.plugin])),
    };
    await host({ logger });
    expect(created.slice(0, 3)).toEqual([
      ['wp_woocommerce_api_keys', 'woocommerce/core'],
      ['wp_woocommerce_downloadable_product_permissions', 'woocommerce/customers'],
      ['wp_wc_product_download_directories', 'woocommerce/customers'],
    ]);
    expect(created.find(([table]) => table === 'wp_users')).toEqual(['wp_users', undefined]);
  });

  it('refuses a plugin whose dependency is missing, by both names, before the database is touched', async () => {
    const needy = definePlugin({
      name: 'acme/needy',
      requires: ['acme/missing'],
      tables: [{ entity: AcmePoints }],
      register: () => undefined,
    });
    await expect(host({ plugins: [needy] })).rejects.toThrow(
      'Plugin "acme/needy" (options.plugins[0]) requires the plugin "acme/missing", which is not loaded',
    );
    // The customers plugin alone: it needs woocommerce/core (its API-key table).
    await expect(host({ builtinPlugins: false, plugins: [customersPlugin] })).rejects.toThrow(
      'Plugin "woocommerce/customers" (options.plugins[0]) requires the plugin "woocommerce/core", which is not loaded',
    );
    const config = parseDatabaseUrl(database.url);
    if (config.dialect === 'sqlite') {
      expect(existsSync(config.path)).toBe(false);
    } else {
      const opened = await openDb(database.url);
      try {
        expect(await tableNames(opened.db)).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  it('refuses plugins that require each other in a cycle, naming the cycle', async () => {
    const plugin = (name: string, requires: string[]) => definePlugin({ name, requires, register: () => undefined });
    await expect(
      host({
        builtinPlugins: false,
        plugins: [plugin('acme/a', ['acme/b']), plugin('acme/b', ['acme/c']), plugin('acme/c', ['acme/a'])],
      }),
    ).rejects.toThrow('Plugins require each other in a cycle: "acme/a" → "acme/b" → "acme/c" → "acme/a"');
  });

  it('refuses a plugin module whose requires or tables are malformed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wc-host-plugin-data-'));
    try {
      const requiresText = path.join(dir, 'requires.js');
      await writeFile(requiresText, `module.exports = { name: 'acme/bad', requires: 'acme/a', register() {} };`);
      await expect(host({ pluginModules: [requiresText] })).rejects.toThrow(
        `Plugin "${requiresText}": requires must be a list of plugin names`,
      );
      const tableWithoutEntity = path.join(dir, 'tables.js');
      await writeFile(
        tableWithoutEntity,
        `module.exports = { name: 'acme/bad', tables: [{ mysql() { return ''; } }], register() {} };`,
      );
      await expect(host({ pluginModules: [tableWithoutEntity] })).rejects.toThrow(
        `Plugin "${tableWithoutEntity}": tables must be a list of { entity, mysql?, sqlite? }`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without woocommerce/core there are no WooCommerce tables and no key authentication', async () => {
    const bare = await host({ builtinPlugins: false });
    expect((await tableNames(bare.db)).filter((name) => /woocommerce|wc_order/.test(name))).toEqual([]);
    expect(bare.dataSource.entityMetadatas.map((metadata) => metadata.givenTableName)).not.toContain(
      'woocommerce_api_keys',
    );
  });
});
