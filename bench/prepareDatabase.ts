import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../src/db/createDataSource';
import { loadPlugins } from '../src/host/pluginLoader';
import { createDb } from '../src/db/createDb';
import { migrate } from '../src/db/migrate';
import type { Db } from '../src/db/types';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import type { FreshDatabase } from './freshDatabase';
import { runDbIndex } from './indexCommand';
import { seedDatabase, type SeedCatalog, type SeedReport } from './seedDatabase';
import { openMysqlSeedWriter } from './seedWriterMysql';
import { openSqliteSeedWriter } from './seedWriterSqlite';

export interface PreparedDatabase {
  catalog: SeedCatalog;
  /** The Basic header of an administrator's read_write key. */
  authorization: string;
  seed: SeedReport;
  /** MariaDB's ANALYZE TABLE of the seeded tables (null on SQLite). */
  analyzeSeconds: number | null;
  /** `wc-host db index`. */
  indexSeconds: number;
}

const PREFIX = 'wp_';
const SEEDED_TABLES = ['users', 'usermeta', 'posts', 'postmeta', 'wc_orders', 'wc_order_addresses'];

/**
 * A fresh install through wc-host's own migrations, the seed straight through the driver, ANALYZE on MariaDB,
 * `wc-host db index` as an operator runs it, then an administrator's API key.
 */
export async function prepareDatabase(
  target: FreshDatabase,
  counts: { customers: number; orders: number },
  log: (line: string) => void,
): Promise<PreparedDatabase> {
  const start = await withDb(target.url, async (db) => {
    await migrate(db, createLogger('warn'));
    const [{ users }] = await db.query<{ users: number | null }>(`SELECT MAX(ID) AS users FROM ${db.table('users')}`);
    const [{ posts }] = await db.query<{ posts: number | null }>(`SELECT MAX(ID) AS posts FROM ${db.table('posts')}`);
    const [{ orders }] = await db.query<{ orders: number | null }>(
      `SELECT MAX(id) AS orders FROM ${db.table('wc_orders')}`,
    );
    const [site] = await db.query<{ option_value: string }>(
      `SELECT option_value FROM ${db.table('options')} WHERE option_name = 'siteurl'`,
    );
    return {
      firstUserId: Number(users ?? 0) + 1,
      firstOrderId: Math.max(Number(posts ?? 0), Number(orders ?? 0)) + 1,
      siteUrl: site?.option_value ?? '',
    };
  });

  const writer =
    target.dialect === 'sqlite'
      ? openSqliteSeedWriter(target.file ?? '', PREFIX)
      : await openMysqlSeedWriter(target.url, PREFIX);
  let seeded: Awaited<ReturnType<typeof seedDatabase>>;
  try {
    seeded = await seedDatabase(writer, { prefix: PREFIX, ...start, ...counts, log });
  } finally {
    await writer.close();
  }
  log(`   seeded in ${seeded.report.seconds.toFixed(1)} s`);

  let analyzeSeconds: number | null = null;
  if (target.dialect === 'mysql') {
    // InnoDB refreshes index statistics in the background some time after a bulk load; a live site has settled
    // ones. Refresh them now so both servers get the plans a real shop would (and runs do not depend on timing).
    const started = Date.now();
    const connection = await createConnection({ uri: target.url });
    await connection.query(`ANALYZE TABLE ${SEEDED_TABLES.map((table) => `\`${PREFIX}${table}\``).join(', ')}`);
    await connection.end();
    analyzeSeconds = (Date.now() - started) / 1000;
    log(`   ANALYZE TABLE: ${analyzeSeconds.toFixed(1)} s`);
  }

  log('   wc-host db index:');
  const indexSeconds = await runDbIndex(target.url);
  log(`   wc-host db index: ${indexSeconds.toFixed(1)} s`);

  const authorization = await withDb(target.url, async (db) => {
    const key = await createApiKey(db, { userId: 1, permissions: 'read_write', description: 'bench' });
    return `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
  });
  return { catalog: seeded.catalog, authorization, seed: seeded.report, analyzeSeconds, indexSeconds };
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  // With the built-in plugins' tables (WooCommerce's orders and keys), which migrate() creates.
  const plugins = (await loadPlugins({ builtin: true, modules: [] })).map((entry) => entry.plugin);
  const dataSource = createDataSource({ url, tablePrefix: PREFIX, plugins });
  await dataSource.initialize();
  const db = createDb(dataSource, PREFIX);
  try {
    return await work(db);
  } finally {
    await db.close();
    await dataSource.destroy();
  }
}
