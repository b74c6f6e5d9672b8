import supertest from 'supertest';
import { createApiKey } from '../src/auth/apiKeys';
import { createHost } from '../src/host/createHost';
import type { Host } from '../src/host/types';
import { startReplicatedPair, type ReplicatedPair } from '../bench/cluster/replicatedPair';
import { captureLog, type CapturedLog } from './helpers/capturedLog';
import { anonymous, V2 } from './helpers/customers';
import type { TestKey } from './helpers/testHost';

/**
 * Read replicas against a real MariaDB primary and asynchronous replica (bench/cluster/replicatedPair.ts, started
 * here on free ports): which server answers is seen by making the replica's copy of one customer differ from the
 * primary's (as root, past read_only), and by lagging or stopping the replica on purpose.
 */

jest.setTimeout(120_000);

let pair: ReplicatedPair;
let host: Host;
let log: CapturedLog;
let http: ReturnType<typeof supertest>;
/** Writes customers (read-your-writes is about this key). */
let writer: TestKey;
/** Never writes: what it reads is whatever the server it was routed to holds. */
let reader: TestKey;
/** A customer whose first name is "Dee" on the primary and "OnReplica" on the replica. */
let marked: number;

const as = (request: supertest.Test, key: TestKey) => anonymous(request).auth(key.consumerKey, key.consumerSecret);
const getCustomer = (id: number, key: TestKey) => as(http.get(`${V2}/customers/${id}`), key);
let serial = 0;
const createCustomer = async (firstName: string) => {
  serial += 1;
  const response = await as(http.post(`${V2}/customers`), writer).send({
    email: `replica${serial}@example.com`,
    first_name: firstName,
    password: 'x',
  });
  expect(response.status).toBe(201);
  return response.body as { id: number; first_name: string };
};
const setDelay = async (seconds: number) => {
  await pair.replica.query('STOP SLAVE');
  await pair.replica.query('CHANGE MASTER TO MASTER_DELAY = ?', [seconds]);
  await pair.replica.query('START SLAVE');
};
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  pair = await startReplicatedPair({ database: 'wc', user: 'wchost', password: 'wchost-pw' });
  log = captureLog('info');
  host = await createHost({
    databaseUrl: pair.url(pair.primary),
    replicas: { urls: [pair.url(pair.replica)], maxLagSeconds: 5, waitMs: 300, checkIntervalMs: 200 },
    logger: log.logger,
    pluginModules: [],
    homeUrl: null,
    trustProxy: false,
    strictAuth: false,
  });
  http = supertest(host.app);
  const keyOf = async () => {
    const key = await createApiKey(host.db, { userId: 1, permissions: 'read_write', description: 'replica test' });
    return { keyId: key.keyId, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret };
  };
  writer = await keyOf();
  reader = await keyOf();
  marked = (await createCustomer('Dee')).id;
  await pair.caughtUp();
  // read_only stops even root (without READ_ONLY ADMIN) on MariaDB 10.11: lifted for this one change.
  await pair.replica.query('SET GLOBAL read_only = 0');
  await pair.replica.query(
    "UPDATE wc.wp_usermeta SET meta_value = 'OnReplica' WHERE user_id = ? AND meta_key = 'first_name'",
    [marked],
  );
  await pair.replica.query('SET GLOBAL read_only = 1');
});

afterAll(async () => {
  await host?.close();
  await pair?.close();
});

it('reads of GET requests, single and list, come from the replica', async () => {
  expect((await getCustomer(marked, reader)).body.first_name).toBe('OnReplica');
  const list = await as(http.get(`${V2}/customers`).query({ include: String(marked) }), reader);
  expect(list.status).toBe(200);
  expect(list.body.map((customer: { first_name: string }) => customer.first_name)).toEqual(['OnReplica']);
});

it('reads inside a write request come from the primary', async () => {
  const response = await as(http.put(`${V2}/customers/${marked}`), reader).send({ last_name: 'Written' });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ first_name: 'Dee', last_name: 'Written' });
});

it("a key reads its own writes at once although the replica lags; another key still sees the replica's past", async () => {
  await setDelay(3);
  try {
    const created = await createCustomer('Fresh');
    const own = await getCustomer(created.id, writer);
    expect(own.status).toBe(200);
    expect(own.body.first_name).toBe('Fresh');
    // The replica stayed in use (3 s behind is within the 5 s bound): a key that did not write reads its past.
    expect((await getCustomer(created.id, reader)).status).toBe(404);
    const updated = await as(http.put(`${V2}/customers/${created.id}`), writer).send({ first_name: 'Fresher' });
    expect(updated.status).toBe(200);
    expect((await getCustomer(created.id, writer)).body.first_name).toBe('Fresher');
  } finally {
    await setDelay(0);
    await pair.caughtUp();
  }
});

it('a replica lagging past the bound is taken out (the primary answers everyone) and comes back when it catches up', async () => {
  await setDelay(30);
  try {
    const created = await createCustomer('Late');
    await eventually(
      async () => (await getCustomer(created.id, reader)).status === 200,
      'the lagging replica is out of use',
    );
    expect(
      log.records().some((record) => record.level === 'warn' && /not in use: it is \d+ s behind/.test(record.msg)),
    ).toBe(true);
    expect((await getCustomer(marked, reader)).body.first_name).toBe('Dee');
  } finally {
    await setDelay(0);
  }
  await eventually(
    async () => (await getCustomer(marked, reader)).body.first_name === 'OnReplica',
    'the replica is back in use',
  );
});

it('a replica stopped under load costs no request an error or a different answer, and is used again once restarted', async () => {
  const created = await createCustomer('Steady');
  await pair.caughtUp();
  let stopping = true;
  const load = (async () => {
    const statuses: number[] = [];
    const names = new Set<string>();
    while (stopping) {
      const responses = await Promise.all([
        getCustomer(created.id, reader),
        getCustomer(created.id, writer),
        as(http.get(`${V2}/customers`), reader),
      ]);
      statuses.push(...responses.map((response) => response.status));
      names.add(responses[0].body.first_name).add(responses[1].body.first_name);
    }
    return { statuses, names };
  })();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await pair.replica.stop();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  stopping = false;
  const { statuses, names } = await load;
  expect(statuses.length).toBeGreaterThan(6);
  expect(new Set(statuses)).toEqual(new Set([200]));
  expect(names).toEqual(new Set(['Steady']));
  expect((await getCustomer(marked, reader)).body.first_name).toBe('Dee');

  await pair.replica.start();
  await eventually(
    async () => (await getCustomer(marked, reader)).body.first_name === 'OnReplica',
    'the restarted replica is used again',
  );
});
