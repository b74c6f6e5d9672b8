import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { createTestHost, type TestHost } from './helpers/testHost';
import type { Plugin } from '../src/host/types';

// Small limits, so a stuck statement or request is cut in about a second; the bounds asserted below leave margin.
const QUERY_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 4000;
const onMysql = process.env.WC_HOST_TEST_DB === 'mysql';

/** A statement that would run far past its deadline: SLEEP on MariaDB; on SQLite a long count on a read worker. */
const SLOW_SQL = onMysql
  ? 'SELECT SLEEP(?) AS slept'
  : 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT count(*) AS slept FROM c';
// On SQLite, seconds past the deadline but finite: a worker thread cannot stop a statement mid-step (better-sqlite3 12
// has no interrupt), so an endless one would keep a core busy and this process alive after the tests.
const SLOW_PARAM = onMysql ? 30 : 3e7;

/** Releases the requests the /wait route holds, so nothing outlives the test file. */
const waiting: Array<() => void> = [];
let lateResults = 0;

const slowRoutes: Plugin = {
  name: 'test/slow-routes',
  register({ rest, db }) {
    rest.registerRoute('test/v1', '/wait', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: async () => {
        await new Promise<void>((resolve) => waiting.push(resolve));
        lateResults += 1;
        return { waited: true };
      },
    });
    rest.registerRoute('test/v1', '/slow-statement', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: async () => db.queryLong(SLOW_SQL, [SLOW_PARAM]),
    });
    rest.registerRoute('test/v1', '/read', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: async () => db.queryLong('SELECT 1 AS one'),
    });
  },
};

let test: TestHost;
const basic = (t: TestHost) =>
  `Basic ${Buffer.from(`${t.adminKey.consumerKey}:${t.adminKey.consumerSecret}`).toString('base64')}`;

beforeAll(async () => {
  test = await createTestHost({
    plugins: [slowRoutes],
    timeouts: {
      dbQueryMs: QUERY_TIMEOUT_MS,
      dbAcquireMs: QUERY_TIMEOUT_MS,
      dbConnectMs: QUERY_TIMEOUT_MS,
      requestMs: REQUEST_TIMEOUT_MS,
    },
  });
});

afterAll(async () => {
  for (const release of waiting.splice(0)) release();
  await test.close();
});

function expectUnavailable(response: { status: number; body: unknown; headers: Record<string, string> }): void {
  expect(response.status).toBe(503);
  expect(response.body).toEqual({ code: 'wc_host_db_unavailable', message: expect.any(String), data: { status: 503 } });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

it('answers a request past its deadline with 503 wc_host_db_unavailable and Retry-After, and drops the late result', async () => {
  const started = Date.now();
  const response = await test.http.get('/wp-json/test/v1/wait');
  const elapsed = Date.now() - started;
  expectUnavailable(response);
  expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
  expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);

  // The work finishes after the answer went out: nothing more is sent, and the host keeps serving.
  for (const release of waiting.splice(0)) release();
  await new Promise((resolve) => setImmediate(resolve));
  expect(lateResults).toBe(1);
  await test.http.get('/wp-json/wc/v3/customers').set('Authorization', basic(test)).expect(200);
});

it('stops a statement past its deadline and answers 503 long before the request deadline', async () => {
  // SQLite's read workers start on first use (loading ts-node under jest takes seconds): not part of what is timed.
  await test.http.get('/wp-json/test/v1/read').expect(200, [{ one: 1 }]);
  const started = Date.now();
  const response = await test.http.get('/wp-json/test/v1/slow-statement');
  expectUnavailable(response);
  expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS - 1000);

  if (onMysql) {
    // Cancelled on the server (max_statement_time), not left sleeping there after the client gave up.
    expect(await sleepingStatementsAfter(3000)).toEqual([]);
  } else {
    // The worker running it was ended and replaced: reads on worker threads go on.
    await test.http.get('/wp-json/test/v1/read').expect(200, [{ one: 1 }]);
  }
  await test.http.get('/wp-json/wc/v3/customers').set('Authorization', basic(test)).expect(200);
});

it("answers 503 to a write blocked by another connection's lock, and writes nothing", async () => {
  const email = 'blocked.by.lock@example.com';
  const release = await holdUsersLock();
  let response;
  try {
    response = await test.http.post('/wp-json/wc/v3/customers').set('Authorization', basic(test)).send({ email });
  } finally {
    await release();
  }
  expectUnavailable(response);
  expect(await usersWithEmail(email)).toBe(0);

  await test.http.post('/wp-json/wc/v3/customers').set('Authorization', basic(test)).send({ email }).expect(201);
  expect(await usersWithEmail(email)).toBe(1);
});

it('answers /readyz 200 while the database answers', async () => {
  await test.http.get('/readyz').expect(200, { status: 'ready' });
});

async function usersWithEmail(email: string): Promise<number> {
  const rows = await test.host.db.query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM ${test.host.db.table('users')} WHERE user_email = ?`,
    [email],
  );
  return Number(rows[0].n);
}

/** Another connection takes the lock a write needs (SQLite: the file's write lock; MariaDB: wp_users); returns its release. */
async function holdUsersLock(): Promise<() => Promise<void>> {
  const database = String(test.host.dataSource.options.database);
  if (!onMysql) {
    const other = new Database(database);
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const other = await mysqlConnection(database);
  await other.query(`LOCK TABLES ${test.host.db.table('users')} WRITE`);
  return async () => {
    await other.query('UNLOCK TABLES');
    await other.end();
  };
}

/** Polls the server's process list for our SLEEP until it is gone or `withinMs` passed; returns what is still there. */
async function sleepingStatementsAfter(withinMs: number): Promise<unknown[]> {
  const admin = await mysqlConnection();
  try {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const [rows] = await admin.query(
        "SELECT ID, TIME, INFO FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(%' AND ID <> CONNECTION_ID()",
      );
      const list = rows as unknown[];
      if (list.length === 0 || Date.now() > deadline) return list;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.end();
  }
}

function mysqlConnection(database?: string) {
  const url = new URL(String(process.env.TEST_MYSQL_URL));
  return createConnection({
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  });
}
