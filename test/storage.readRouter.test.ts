import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import type { ReadRouter } from '../src/db/replicas/readRouter';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

/**
 * What the Db asks a read router (src/db/replicas/) and tells it, on both databases: reads outside transactions are
 * its to place; statements inside a transaction never leave the transaction's connection on the primary; it hears of
 * a write only once the write is committed.
 */

let database: TestDatabase;
let open: OpenDb;
const events: string[] = [];
const router: ReadRouter = {
  async read(sql, params, onPrimary) {
    events.push(`read ${sql}`);
    return onPrimary(sql, params);
  },
  async wrote() {
    events.push('wrote');
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  open = await openDb(database.url, 'wp_', { readRouter: router });
  await open.db.execute('CREATE TABLE wp_routed (id INTEGER NOT NULL)');
});

beforeEach(() => {
  events.length = 0;
});

afterAll(async () => {
  await open.close();
  await database.drop();
});

it('lets the router place reads outside transactions, short and long', async () => {
  await open.db.query('SELECT COUNT(*) AS n FROM wp_routed');
  await open.db.queryLong('SELECT id FROM wp_routed');
  // A SQLite file's long reads run on its worker threads, which replicas never concern (they are MySQL-only).
  expect(events).toEqual(
    open.db.dialect === 'mysql'
      ? ['read SELECT COUNT(*) AS n FROM wp_routed', 'read SELECT id FROM wp_routed']
      : ['read SELECT COUNT(*) AS n FROM wp_routed'],
  );
});

it('keeps every statement of a transaction on it, and reports the write once, after the commit', async () => {
  await open.db.transaction(async (tx) => {
    await tx.execute('INSERT INTO wp_routed (id) VALUES (?)', [1]);
    await tx.query('SELECT id FROM wp_routed');
    // The outer Db, called from inside the transaction's work, joins the transaction.
    await open.db.query('SELECT id FROM wp_routed');
    await open.db.execute('INSERT INTO wp_routed (id) VALUES (?)', [2]);
    expect(events).toEqual([]);
  });
  expect(events).toEqual(['wrote']);
});

it('reports a write outside transactions, and nothing for a transaction rolled back', async () => {
  await open.db.execute('INSERT INTO wp_routed (id) VALUES (?)', [3]);
  await expect(
    open.db.transaction(async (tx) => {
      await tx.execute('INSERT INTO wp_routed (id) VALUES (?)', [4]);
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(events).toEqual(['wrote']);
});

it('refuses read replicas of a SQLite database at start-up', async () => {
  await expect(
    createHost({
      databaseUrl: 'sqlite::memory:',
      replicas: { urls: ['mysql://u:p@127.0.0.1:1/wp'] },
      logger: createLogger('silent'),
      pluginModules: [],
    }),
  ).rejects.toThrow('DATABASE_REPLICA_URLS is set but DATABASE_URL is SQLite, which has no replication');
});
