import supertest from 'supertest';
import { createApiKey } from '../src/auth/apiKeys';
import { createHost } from '../src/host/createHost';
import type { Host } from '../src/host/types';
import { startReplicatedPair, type ReplicatedPair } from '../bench/cluster/replicatedPair';
import { captureLog, type CapturedLog, type LogRecord } from './helpers/capturedLog';
import { anonymous, V2 } from './helpers/customers';
import type { TestKey } from './helpers/testHost';

/**
 * Read replicas against a real MariaDB primary and asynchronous replica (bench/cluster/replicatedPair.ts, started
 * here on free ports): which server answers is seen by making the replica's copy of one customer differ from the
 * primary's (as root, past read_only), and by lagging or stopping the replica on purpose.
 */

jest.setTimeout(120_000);

/** The bound of the main host: the lag of test "reads its own writes" (LAG_SECONDS) stays within it. */
const MAX_LAG_SECONDS = 10;
/**
 * How long the replica holds back each change in "reads its own writes": the test's reads after a write must all come
 * before the replica applies it, however slow this machine is; a few seconds would be too tight on a busy one.
 */
const LAG_SECONDS = MAX_LAG_SECONDS;
/** How long to wait for a state the servers reach by themselves (a check, replication catching up, a restart). */
const SETTLE_MS = 60_000;

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

const hostOptions = (maxLagSeconds: number, logger: CapturedLog['logger']) => ({
  databaseUrl: pair.url(pair.primary),
  replicas: { urls: [pair.url(pair.replica)], maxLagSeconds, waitMs: 300, checkIntervalMs: 200 },
  logger,
  pluginModules: [],
  homeUrl: null,
  trustProxy: false,
  strictAuth: false,
});
const as = (request: supertest.Test, key: TestKey) => anonymous(request).auth(key.consumerKey, key.consumerSecret);
const getCustomer = (id: number, key: TestKey, through = http) => as(through.get(`${V2}/customers/${id}`), key);
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
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = SETTLE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The replica's own word (as root): both threads running with this delay, so its lag is a number again. */
async function replicating(delaySeconds: number): Promise<boolean> {
  const [status] = await pair.replica.query<Record<string, unknown>[]>('SHOW SLAVE STATUS');
  return (
    status?.Slave_IO_Running === 'Yes' &&
    status.Slave_SQL_Running === 'Yes' &&
    status.Seconds_Behind_Master !== null &&
    Number(status.SQL_Delay) === delaySeconds
  );
}
/** A change of the delay stops replication for a moment, which a check may see (and take the replica out for). */
async function setDelay(seconds: number): Promise<void> {
  await pair.replica.query('STOP SLAVE');
  await pair.replica.query('CHANGE MASTER TO MASTER_DELAY = ?', [seconds]);
  await pair.replica.query('START SLAVE');
  await eventually(() => replicating(seconds), `the replica replicates again with a delay of ${seconds} s`);
}
/** The rotation's lines in `of` (replicaRotation.ts): info when the replica goes (back) in use, warn when it goes out. */
const rotationLines = (of: CapturedLog) =>
  of.records().filter((record) => /^Read replica .* (in use|is back in use|not in use)\b/.test(record.msg));
/** The host logging into `of` (reached through `through`) reads from the replica now: its last rotation line is "in use", and a read proves it. */
async function usingReplica(of: CapturedLog, through = http): Promise<void> {
  await eventually(
    async () =>
      rotationLines(of).at(-1)?.level === 'info' &&
      (await getCustomer(marked, reader, through)).body.first_name === 'OnReplica',
    'the replica is in use',
  );
}

beforeAll(async () => {
  pair = await startReplicatedPair({ database: 'wc', user: 'wchost', password: 'wchost-pw' });
  log = captureLog('info');
  host = await createHost(hostOptions(MAX_LAG_SECONDS, log.logger));
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
  await setDelay(LAG_SECONDS);
  try {
    await usingReplica(log);
    const linesBefore = rotationLines(log).length;
    const created = await createCustomer('Fresh');
    const own = await getCustomer(created.id, writer);
    expect(own.status).toBe(200);
    expect(own.body.first_name).toBe('Fresh');
    const other = await getCustomer(created.id, reader);
    // The replica stayed in use meanwhile (LAG_SECONDS is within the bound, and no check found it otherwise) …
    expect(rotationLines(log).slice(linesBefore)).toEqual([]);
    // … so a key that did not write read the replica's past, where the customer does not exist yet.
    expect(other.status).toBe(404);
    const updated = await as(http.put(`${V2}/customers/${created.id}`), writer).send({ first_name: 'Fresher' });
    expect(updated.status).toBe(200);
    expect((await getCustomer(created.id, writer)).body.first_name).toBe('Fresher');
  } finally {
    await setDelay(0);
    await pair.caughtUp();
  }
});

it('a replica lagging past the bound is taken out (the primary answers everyone) and comes back when it catches up', async () => {
  // A host of its own with a bound of 2 s, so the lag passes it within seconds (the main host's bound is wider for
  // the test above); the same primary, replica and keys.
  const strictLog = captureLog('info');
  const strict = await createHost({ ...hostOptions(2, strictLog.logger), migrate: false });
  const through = supertest(strict.app);
  try {
    await usingReplica(strictLog, through);
    const linesBefore = rotationLines(strictLog).length;
    await setDelay(60);
    try {
      const created = await createCustomer('Late');
      const lagging = (record: LogRecord) =>
        record.level === 'warn' && /not in use: it is \d+ s behind/.test(record.msg);
      // Changing the delay may have taken the replica out for a moment ("replication is not running"): wait for the lag.
      await eventually(
        async () => rotationLines(strictLog).slice(linesBefore).some(lagging),
        'the lagging replica is out of use',
      );
      expect(rotationLines(strictLog).at(-1)).toMatchObject({ level: 'warn' });
      const late = await getCustomer(created.id, reader, through);
      expect(late.status).toBe(200);
      expect(late.body.first_name).toBe('Late');
      expect((await getCustomer(marked, reader, through)).body.first_name).toBe('Dee');
    } finally {
      await setDelay(0);
    }
    await usingReplica(strictLog, through);
    expect(
      rotationLines(strictLog)
        .slice(linesBefore)
        .some((record) => /is back in use/.test(record.msg)),
    ).toBe(true);
  } finally {
    await strict.close();
  }
});

it('a replica stopped under load costs no request an error or a different answer, and is used again once restarted', async () => {
  await usingReplica(log);
  const created = await createCustomer('Steady');
  await pair.caughtUp();
  let running = true;
  let rounds = 0;
  const load = (async () => {
    const statuses: number[] = [];
    const names = new Set<string>();
    while (running) {
      const responses = await Promise.all([
        getCustomer(created.id, reader),
        getCustomer(created.id, writer),
        as(http.get(`${V2}/customers`), reader),
      ]);
      statuses.push(...responses.map((response) => response.status));
      names.add(responses[0].body.first_name).add(responses[1].body.first_name);
      rounds += 1;
    }
    return { statuses, names };
  })();
  try {
    await eventually(async () => rounds >= 2, 'the load runs on the replica');
    const linesBefore = rotationLines(log).length;
    await pair.replica.stop();
    await eventually(
      async () =>
        rotationLines(log)
          .slice(linesBefore)
          .some((record) => record.level === 'warn'),
      'the stopped replica is out of use',
    );
    const roundsWhenOut = rounds;
    await eventually(async () => rounds >= roundsWhenOut + 2, 'the load runs on the primary');
  } finally {
    running = false;
  }
  const { statuses, names } = await load;
  expect(new Set(statuses)).toEqual(new Set([200]));
  expect(names).toEqual(new Set(['Steady']));
  expect((await getCustomer(marked, reader)).body.first_name).toBe('Dee');

  await pair.replica.start();
  await usingReplica(log);
});
