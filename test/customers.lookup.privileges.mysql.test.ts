import { createConnection } from 'mysql2/promise';
import { migrate } from '../src/db/migrate';
import type { Logger } from '../src/host/types';
import { CustomerLookup } from '../plugins/customers/lookup/customerLookup';
import { readSchemaCatalog } from '../plugins/customers/lookup/schemaObjects';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';

/** MySQL only: a database user without the TRIGGER privilege gets a sentence naming it, and nothing half made. */

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const USER = `wchost_notrg_${process.pid}`;
let database: TestDatabase;
let admin: Awaited<ReturnType<typeof createConnection>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  const name = url.pathname.slice(1);
  for (const host of ['127.0.0.1', 'localhost']) {
    await admin.query(`CREATE USER IF NOT EXISTS '${USER}'@'${host}' IDENTIFIED BY 'secret'`);
    await admin.query(`GRANT ALL PRIVILEGES ON \`${name}\`.* TO '${USER}'@'${host}'`);
    await admin.query(`REVOKE TRIGGER ON \`${name}\`.* FROM '${USER}'@'${host}'`);
  }
});

afterAll(async () => {
  for (const host of ['127.0.0.1', 'localhost']) await admin.query(`DROP USER IF EXISTS '${USER}'@'${host}'`);
  await admin.end();
  await database.drop();
});

it('refuses with the missing privilege named, and removes what it had created', async () => {
  const url = new URL(database.url);
  url.username = USER;
  url.password = 'secret';
  const opened = await openDb(url.toString());
  try {
    await migrate(opened.db, silent);
    const before = await readSchemaCatalog(opened.db);
    const lookup = new CustomerLookup(opened.db, silent);
    await expect(lookup.install(() => undefined)).rejects.toThrow(
      /lacks the TRIGGER privilege.*Nothing was left half made/s,
    );
    expect(await readSchemaCatalog(opened.db)).toEqual(before);
    expect(await lookup.status()).toMatchObject({ installed: false, ready: false });
  } finally {
    await opened.close();
  }
});
