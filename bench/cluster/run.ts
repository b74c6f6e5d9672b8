/**
 * `npm run cluster-demo`: wc-host as three processes over a MariaDB primary and an asynchronous replica, behind one
 * round-robin balancer, showing (PASS/FAIL) what README.md's "Read replicas" section claims. Needs Debian's
 * mariadb-server binaries (/usr/sbin/mariadbd, mariadb-install-db) and a build (the script runs `npm run build`).
 */
import path from 'node:path';
import { startChildServer, type ChildServer } from '../childServer';
import { onInterrupt } from '../cleanup';
import { measure } from '../measure';
import { createDataSource } from '../../src/db/createDataSource';
import { createDb } from '../../src/db/createDb';
import { createApiKey } from '../../src/auth/apiKeys';
import { freePort } from './freePort';
import { startReplicatedPair, type ReplicatedPair } from './replicatedPair';
import { startRoundRobinBalancer, type Balancer } from './roundRobinBalancer';

const PROCESSES = 3;
const API = '/wp-json/wc/v3/customers';
const results: { name: string; passed: boolean; detail: string }[] = [];

function report(name: string, passed: boolean, detail: string): void {
  results.push({ name, passed, detail });
  process.stdout.write(`${passed ? 'PASS' : 'FAIL'}  ${name}\n      ${detail}\n`);
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    cleanups.length = 0;
  };
  const forget = onInterrupt(cleanUp);
  try {
    process.stdout.write('Starting a MariaDB primary and replica (their own data directories in a temp folder)…\n');
    const pair = await startReplicatedPair({ database: 'wc', user: 'wchost', password: 'wchost-demo' });
    cleanups.push(() => pair.close());
    process.stdout.write(
      `  primary 127.0.0.1:${pair.primary.port}, replica 127.0.0.1:${pair.replica.port} (GTID, async)\n`,
    );

    const env = {
      DATABASE_URL: pair.url(pair.primary),
      DATABASE_REPLICA_URLS: pair.url(pair.replica),
      WC_HOST_REPLICA_CHECK_INTERVAL_MS: '500',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      WC_HOST_ACCESS_LOG: 'off',
      HOST: '127.0.0.1',
    };
    const serverScript = path.join(__dirname, '..', 'hostServer.js');
    const servers: ChildServer[] = [];
    for (let index = 0; index < PROCESSES; index += 1) {
      // One after another: the first migrates and seeds the empty database.
      const server = await startChildServer(`wc-host ${index + 1}`, [serverScript], env, await freePort(), '/healthz');
      servers.push(server);
      cleanups.push(() => server.stop());
    }
    const balancer = await startRoundRobinBalancer(
      servers.map((server) => server.url),
      await freePort(),
    );
    cleanups.push(() => balancer.close());
    process.stdout.write(
      `  ${PROCESSES} wc-host processes (${servers.map((server) => server.url).join(', ')}) behind ${balancer.url}\n\n`,
    );

    const authorization = await makeKey(pair);
    const call = (method: string, url: string, body?: unknown) =>
      fetch(url, {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown> & Record<number, unknown>,
      }));

    await readYourWrites(call, balancer, pair);
    await sameEmailRace(call, servers, balancer);
    await replicaStoppedUnderLoad(call, balancer, pair);
    await figures(balancer, authorization);

    const failed = results.filter((result) => !result.passed);
    process.stdout.write(
      `\n${failed.length === 0 ? 'All' : `${results.length - failed.length} of`} ${results.length} checks passed.\n`,
    );
    process.exitCode = failed.length === 0 ? 0 : 1;
  } finally {
    await cleanUp();
    forget();
  }
}

/** A read_write key of the seeded administrator, made on the primary as `wc-host keys create` would. */
async function makeKey(pair: ReplicatedPair): Promise<string> {
  const dataSource = createDataSource({ url: pair.url(pair.primary), tablePrefix: 'wp_' });
  await dataSource.initialize();
  try {
    const key = await createApiKey(createDb(dataSource, 'wp_'), {
      userId: 1,
      permissions: 'read_write',
      description: 'cluster demo',
    });
    return `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
  } finally {
    await dataSource.destroy();
  }
}

type Call = (method: string, url: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

async function replicaSelects(pair: ReplicatedPair): Promise<number> {
  const [row] = await pair.replica.query<{ Value: string }[]>("SHOW GLOBAL STATUS LIKE 'Com_select'");
  return Number(row?.Value ?? 0);
}

/** Each write goes through the balancer to one process, each read right after it to the next ones. */
async function readYourWrites(call: Call, balancer: Balancer, pair: ReplicatedPair): Promise<void> {
  const before = await replicaSelects(pair);
  const rounds = 30;
  const misses: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const created = await call('POST', balancer.url + API, {
      email: `ryw${round}@example.com`,
      first_name: `First${round}`,
      password: 'x',
    });
    if (created.status !== 201) {
      misses.push(`create ${round}: ${created.status}`);
      continue;
    }
    const id = Number(created.body.id);
    const read = await call('GET', `${balancer.url}${API}/${id}`);
    if (read.status !== 200 || read.body.first_name !== `First${round}`)
      misses.push(`read after create ${round}: ${read.status}`);
    const listed = await call('GET', `${balancer.url}${API}?email=${encodeURIComponent(`ryw${round}@example.com`)}`);
    if (listed.status !== 200 || !Array.isArray(listed.body) || listed.body.length !== 1)
      misses.push(`list after create ${round}`);
    const updated = await call('PUT', `${balancer.url}${API}/${id}`, { first_name: `Changed${round}` });
    const reread = await call('GET', `${balancer.url}${API}/${id}`);
    if (updated.status !== 200 || reread.body.first_name !== `Changed${round}`)
      misses.push(`read after update ${round}`);
  }
  const served = (await replicaSelects(pair)) - before;
  report(
    'A write through one process is read at once through the others (read-your-writes, same key)',
    misses.length === 0 && served > 0,
    `${rounds} creates and updates, each read back through the next process: ${misses.length === 0 ? 'all seen' : misses.join('; ')}; the replica ran ${served} SELECTs meanwhile`,
  );
}

/** The same email sent to all three processes at once (not through the balancer, so each surely gets one). */
async function sameEmailRace(call: Call, servers: readonly ChildServer[], balancer: Balancer): Promise<void> {
  const rounds = 5;
  const problems: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const email = `race${round}@example.com`;
    const answers = await Promise.all(
      servers.map((server) => call('POST', server.url + API, { email, password: 'x' })),
    );
    const created = answers.filter((answer) => answer.status === 201).length;
    const refused = answers.filter(
      (answer) => answer.status === 400 && answer.body.code === 'registration-error-email-exists',
    ).length;
    const listed = await call('GET', `${balancer.url}${API}?email=${encodeURIComponent(email)}&role=all`);
    const users = Array.isArray(listed.body) ? listed.body.length : -1;
    if (created !== 1 || refused !== servers.length - 1 || users !== 1) {
      problems.push(`${email}: ${answers.map((answer) => answer.status).join('/')} and ${users} user(s)`);
    }
  }
  report(
    'The same email raced through all three processes gives one user',
    problems.length === 0,
    problems.length === 0
      ? `${rounds} races: one 201 and ${servers.length - 1} × 400 registration-error-email-exists each, one user listed`
      : problems.join('; '),
  );
}

/** Reads and writes through the balancer while the replica is shut down, then restarted. */
async function replicaStoppedUnderLoad(call: Call, balancer: Balancer, pair: ReplicatedPair): Promise<void> {
  const subject = await call('POST', balancer.url + API, {
    email: 'steady@example.com',
    first_name: 'Steady',
    password: 'x',
  });
  const id = Number(subject.body.id);
  await pair.caughtUp();
  const expected = JSON.stringify((await call('GET', `${balancer.url}${API}/${id}`)).body);
  let running = true;
  const outcomes = { requests: 0, errors: [] as string[], different: 0, writes: 0 };
  const worker = async (lane: number) => {
    for (let n = 0; running; n += 1) {
      if (n % 5 === 4) {
        const created = await call('POST', balancer.url + API, {
          email: `load${lane}-${n}@example.com`,
          password: 'x',
        });
        outcomes.requests += 1;
        if (created.status !== 201) outcomes.errors.push(`create ${created.status}`);
        const read = await call('GET', `${balancer.url}${API}/${String(created.body.id)}`);
        outcomes.requests += 1;
        outcomes.writes += 1;
        if (read.status !== 200) outcomes.errors.push(`read own create ${read.status}`);
        continue;
      }
      const read = await call('GET', `${balancer.url}${API}/${id}`);
      outcomes.requests += 1;
      if (read.status !== 200) outcomes.errors.push(`read ${read.status}`);
      else if (JSON.stringify(read.body) !== expected) outcomes.different += 1;
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(worker));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await pair.replica.stop();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  running = false;
  await load;
  report(
    'A replica stopped mid-load changes no answer and costs no error',
    outcomes.errors.length === 0 && outcomes.different === 0,
    `${outcomes.requests} requests (${outcomes.writes} creates, each read back) over 4.5 s, the replica shut down after 1.5 s: ` +
      `${outcomes.errors.length} errors${outcomes.errors.length ? ` (${outcomes.errors.slice(0, 3).join(', ')})` : ''}, ${outcomes.different} answers differing`,
  );

  await pair.replica.start();
  await pair.caughtUp();
  const deadline = Date.now() + 15_000;
  let served = 0;
  while (Date.now() < deadline && served === 0) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await replicaSelects(pair);
    for (let n = 0; n < 6; n += 1) await call('GET', `${balancer.url}${API}/${id}`);
    served = (await replicaSelects(pair)) - before;
  }
  report(
    'The restarted replica is used again',
    served > 0,
    `it ran ${served} SELECTs for 6 reads through the balancer after it came back`,
  );
}

/** `npm run bench`-style figures through the balancer (one customer; a page of 10), 8 connections, 3 s each. */
async function figures(balancer: Balancer, authorization: string): Promise<void> {
  process.stdout.write('\nThrough the balancer (3 processes, reads on the replica), 8 connections, 3 s each:\n');
  const scenarios = [
    { name: 'GET one customer', path: `${API}/2` },
    { name: 'GET a page of 10', path: `${API}?per_page=10` },
  ];
  for (const scenario of scenarios) {
    const result = await measure(
      balancer.url,
      authorization,
      { name: scenario.name, method: 'GET', connections: () => 8, request: () => ({ path: scenario.path }) },
      { durationSeconds: 3, connections: 8, timeoutSeconds: 10 },
    );
    process.stdout.write(
      `  ${scenario.name.padEnd(18)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}\n`,
    );
  }
  process.stdout.write('  (1 vs 2 workers per process: `npm run bench -- --workers`)\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`cluster-demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
