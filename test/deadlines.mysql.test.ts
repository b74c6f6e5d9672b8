import supertest from 'supertest';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import type { Host } from '../src/host/types';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';
import { createTcpProxy, type TcpProxy } from './helpers/tcpProxy';

// wc-host talks to MariaDB through a proxy the tests stall or stop. Small limits, so every wait ends in about a second.
const DB_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 3000;
/** What "answers within its deadline" allows on a busy 2-core machine; a hang would last as long as the stall. */
const ANSWERED_WITHIN_MS = REQUEST_TIMEOUT_MS + 2000;

let database: TestDatabase;
let proxy: TcpProxy;
let host: Host;
let http: ReturnType<typeof supertest>;
let authorization: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Created and migrated straight on the server, with the default limits; then served through the proxy.
  const setup = await createHost({ databaseUrl: database.url, logger: createLogger('silent'), pluginModules: [] });
  const key = await createApiKey(setup.db, { userId: 1, permissions: 'read_write', description: 'test' });
  await setup.close();
  authorization = `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;

  const direct = new URL(database.url);
  proxy = await createTcpProxy({ host: direct.hostname, port: direct.port === '' ? 3306 : Number(direct.port) });
  const proxied = new URL(database.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  host = await createHost({
    databaseUrl: proxied.toString(),
    logger: createLogger('info', (_stream, line) => logLines.push(line)),
    // Only the outage's own lines are counted here.
    accessLog: false,
    pluginModules: [],
    timeouts: {
      dbConnectMs: DB_TIMEOUT_MS,
      dbAcquireMs: DB_TIMEOUT_MS,
      dbQueryMs: DB_TIMEOUT_MS,
      requestMs: REQUEST_TIMEOUT_MS,
    },
  });
  http = supertest(host.app);
});

afterAll(async () => {
  proxy.resume();
  await host.close();
  await proxy.close();
  await database.drop();
});

/** Several requests at once, as an outage meets them: each one's answer and how long it took. */
async function requestsDuringOutage() {
  const timed = async (path: string) => {
    const started = Date.now();
    const response = await http.get(path).set('Authorization', authorization);
    return { path, response, ms: Date.now() - started };
  };
  return Promise.all([
    timed('/wp-json/wc/v3/customers'),
    timed('/wp-json/wc/v3/customers/1'),
    timed('/wp-json/wc/v2/customers?search=admin'),
    timed('/wp-json/wc/v1/customers'),
    timed('/wp-json/wc/v3/customers?per_page=5'),
  ]);
}

function expectAllUnavailable(results: Awaited<ReturnType<typeof requestsDuringOutage>>): void {
  for (const { path, response, ms } of results) {
    expect({ path, status: response.status, body: response.body }).toEqual({
      path,
      status: 503,
      body: { code: 'wc_host_db_unavailable', message: expect.any(String), data: { status: 503 } },
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(ms).toBeLessThan(ANSWERED_WITHIN_MS);
  }
}

async function timedReadyz(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await http.get('/readyz');
  return { status: response.status, ms: Date.now() - started };
}

/** Polls until the database answers again (readyz 200), for at most `withinMs`. */
async function readyAgain(withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if ((await http.get('/readyz')).status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const logged = () => logLines.map((line) => JSON.parse(line) as { level: string; msg: string });
const outageLines = () =>
  logged().filter((line) => line.level === 'error' && line.msg.startsWith('Database unavailable'));
const recoveryLines = () =>
  logged().filter((line) => line.level === 'info' && line.msg.startsWith('Database available again'));

it('answers 200 through the proxy while the database is fine', async () => {
  await http.get('/wp-json/wc/v3/customers').set('Authorization', authorization).expect(200);
  await http.get('/readyz').expect(200, { status: 'ready' });
  expect(outageLines()).toEqual([]);
});

it('answers 503 within the deadline while the database stalls, and 200 again once it answers', async () => {
  logLines.length = 0;
  proxy.pause();
  try {
    const [results, readyz] = await Promise.all([requestsDuringOutage(), timedReadyz()]);
    expectAllUnavailable(results);
    expect(readyz.status).toBe(503);
    // A probe's own limit is 0.8 s: well under the stall, and under the 1 s a probe should wait.
    expect(readyz.ms).toBeLessThan(1500);
  } finally {
    proxy.resume();
  }
  expect(await readyAgain(10_000)).toBe(true);
  await http.get('/wp-json/wc/v3/customers').set('Authorization', authorization).expect(200);
  expect(outageLines()).toHaveLength(1);
  expect(recoveryLines()).toHaveLength(1);
  // Nothing else: no stack, no line per request.
  expect(logLines).toHaveLength(2);
});

it('answers 503, not 500, while the database is stopped, logging one line when it goes and one when it is back', async () => {
  logLines.length = 0;
  await proxy.stop();
  try {
    expectAllUnavailable(await requestsDuringOutage());
    expectAllUnavailable(await requestsDuringOutage());
    const readyz = await timedReadyz();
    expect(readyz.status).toBe(503);
    expect(readyz.ms).toBeLessThan(1500);
  } finally {
    await proxy.start();
  }
  expect(await readyAgain(10_000)).toBe(true);
  await http.get('/wp-json/wc/v3/customers').set('Authorization', authorization).expect(200);
  expect(outageLines()).toHaveLength(1);
  expect(recoveryLines()).toHaveLength(1);
  expect(logLines).toHaveLength(2);
});
