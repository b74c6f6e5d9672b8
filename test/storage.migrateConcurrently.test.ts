import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MigrateResult } from '../src/db/migrate';
import { wcHostMigrations } from '../src/db/migrations';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';

const run = promisify(execFile);

/** What one wc-host process does at start-up: open the database and migrate it. */
const START_UP = `
const { createDataSource } = require('./src/db/createDataSource');
const { createDb } = require('./src/db/createDb');
const { migrate } = require('./src/db/migrate');
const { loadBuiltinPlugins } = require('./src/host/pluginLoader');
const { orderByDependencies } = require('./src/host/orderByDependencies');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
(async () => {
  const plugins = orderByDependencies(loadBuiltinPlugins()).map((entry) => entry.plugin);
  const dataSource = createDataSource({ url: process.env.WC_HOST_TEST_URL, tablePrefix: 'wp_', plugins });
  await dataSource.initialize();
  try {
    process.stdout.write(JSON.stringify(await migrate(createDb(dataSource, 'wp_'), quiet)));
  } finally {
    await dataSource.destroy();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

async function startProcess(url: string): Promise<MigrateResult> {
  const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', START_UP], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, WC_HOST_TEST_URL: url },
  });
  return JSON.parse(stdout) as MigrateResult;
}

describe('two wc-host processes starting on the same empty database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('create the tables and seed exactly once', async () => {
    const results = await Promise.all([startProcess(database.url), startProcess(database.url)]);

    expect(results.filter((result) => result.seeded)).toHaveLength(1);
    expect(results.find((result) => !result.seeded)).toEqual({ createdTables: [], seeded: false });
    const { db, close } = await openDb(database.url);
    try {
      expect(await db.query(`SELECT user_login FROM ${db.table('users')}`)).toEqual([{ user_login: 'admin' }]);
      expect(await db.query(`SELECT COUNT(*) AS n FROM ${db.table('wc_host_migrations')}`)).toEqual([
        { n: wcHostMigrations.length },
      ]);
    } finally {
      await close();
    }
  }, 60000);
});
