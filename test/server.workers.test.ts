import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { createApiKey } from '../src/auth/apiKeys';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';
import { openConnection } from './helpers/rawHttp';
import { startWcHost, type WcHostProcess } from './helpers/wcHostProcess';
import { slowPluginSource } from './helpers/slowPlugin';

/**
 * `wc-host serve --workers 2` (node:cluster) on this file's database, SQLite or MariaDB: requests spread over two
 * processes keep every guarantee of one (one user per email, writes that never fail for a lock), a killed worker is
 * logged and replaced, SIGTERM drains every worker, a second signal exits at once, and migrations ran once.
 */

jest.setTimeout(120_000);

let dir: string;
let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let authorization: string;
let oauth: OAuth;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wc-host-workers-'));
  const plugin = path.join(dir, 'slow.js');
  writeFileSync(plugin, slowPluginSource({ withPid: true }));
  database = await createTestDatabase();
  // The nonce race sends 11 replays from one address: past the throttle's 10 failures the 12th would get 429, which
  // is the throttle's business (test/auth.throttle.test.ts), not the nonce's.
  env = {
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    WC_HOST_PLUGINS: plugin,
    WC_HOST_AUTH_MAX_FAILURES: '100',
    // The bursts below are about the write lock across processes. On a loaded machine (CI runs two jest workers and
    // MariaDB on two cores) the event loop can lag for a while, and load shedding may then rightly refuse a burst's
    // creates with 503 — that rule has its own tests (test/server.loadShedding.test.ts), so it is off here.
    WC_HOST_MAX_EVENT_LOOP_DELAY_MS: '0',
  };
  const { db, close } = await openDb(database.url);
  try {
    await migrate(db, createLogger('silent'));
    const key = await createApiKey(db, { userId: 1, permissions: 'read_write', description: 'workers test' });
    authorization = `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
    // Its own key: the replays below count as failed authentications of their address and key (throttled past 10).
    const oauthKey = await createApiKey(db, { userId: 1, permissions: 'read', description: 'workers test, OAuth' });
    oauth = new OAuth({
      consumer: { key: oauthKey.consumerKey, secret: oauthKey.consumerSecret },
      signature_method: 'HMAC-SHA256',
      hash_function: (base, signingKey) => createHmac('sha256', signingKey).update(base).digest('base64'),
    });
  } finally {
    await close();
  }
});

afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `serve --workers 2`; resolves once the primary says every worker listens, with the port and worker pids. */
async function serveWorkers(
  extra: NodeJS.ProcessEnv = {},
  args = ['serve', '--workers', '2'],
): Promise<{ wcHost: WcHostProcess; port: number; pids: number[] }> {
  const wcHost = startWcHost(args, { ...env, ...extra });
  const line = await wcHost.waitForLine(/all 2 workers listening on /);
  const port = Number(/:(\d+)\/wp-json\//.exec(line)?.[1]);
  const pids = (/\(pids ([\d, ]+)\)/.exec(line)?.[1] ?? '').split(', ').map(Number);
  return { wcHost, port, pids };
}

/** The JSON log lines a process printed (its workers' included), parsed. */
function logLines(wcHost: WcHostProcess): Array<Record<string, unknown>> {
  return wcHost.lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** POSTs a customer on a fresh connection (the primary hands each connection to the next worker). */
async function createCustomer(
  port: number,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/wp-json/wc/v3/customers`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getJson(port: number, route: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/wp-json${route}`, {
    headers: { authorization, connection: 'close' },
  });
  return { status: response.status, body: await response.json() };
}

describe('two workers on one port', () => {
  let wcHost: WcHostProcess;
  let port: number;
  let pids: number[];

  beforeAll(async () => {
    ({ wcHost, port, pids } = await serveWorkers());
  });

  afterAll(async () => {
    wcHost.child.kill('SIGKILL');
    await wcHost.exited;
  });

  it('migrations ran once, in the primary, before the workers: no worker creates tables or seeds', () => {
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(wcHost.child.pid);
    // The database was migrated before; a worker started on an empty one would not create anything either (below).
    expect(wcHost.lines.join('\n')).not.toContain('New database');
  });

  it('the same email raced through both workers: one 201, the others registration-error-email-exists, one user', async () => {
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        createCustomer(port, { email: i % 2 ? 'Raced@Example.com' : 'raced@example.com', password: 'race-pass' }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${String(r.body.code)}`))).toEqual(
      new Set(['400 registration-error-email-exists']),
    );
    const found = await getJson(port, '/wc/v3/customers?email=raced@example.com&role=all');
    expect(found.body).toHaveLength(1);
    // Both processes answered some of the creates: the race really was across processes.
    const creators = logLines(wcHost)
      .filter((line) => line.msg === 'request' && line.method === 'POST')
      .map((line) => line.pid);
    expect(new Set(creators)).toEqual(new Set(pids));
  });

  it('40 creates at once over both workers all succeed: a write waits for the other process, it never fails for the lock', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        createCustomer(port, { email: `spread${i}@example.com`, billing: { city: `City ${i}` } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(40);
    const listed = await getJson(port, '/wc/v3/customers?search=spread&per_page=100');
    expect(listed.body).toHaveLength(40);
  });

  it('one OAuth nonce sent 12 times at once through both workers is accepted once', async () => {
    const url = `http://127.0.0.1:${port}/wp-json/wc/v3/customers`;
    const signed = new URLSearchParams(
      Object.entries(oauth.authorize({ url, method: 'GET' })).map(([name, value]): [string, string] => [
        name,
        String(value),
      ]),
    );
    const responses = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const response = await fetch(`${url}?${signed.toString()}`, { headers: { connection: 'close' } });
        return { status: response.status, body: (await response.json()) as { message?: string } };
      }),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.message}`))).toEqual(
      new Set(['401 Invalid nonce - nonce has already been used.']),
    );
  });

  it('a killed worker is logged with its id and signal and replaced; requests keep being answered', async () => {
    const victim = pids[0];
    process.kill(victim, 'SIGKILL');
    const logged = await wcHost.waitForLine(
      new RegExp(`worker \\d+ \\(pid ${victim}\\) exited with signal SIGKILL; restarting it`),
    );
    expect(JSON.parse(logged)).toMatchObject({
      level: 'warn',
      workerPid: victim,
      signal: 'SIGKILL',
      code: null,
      restartInMs: 0,
    });
    const again = await wcHost.waitForLine(/worker \d+ \(pid \d+\) is listening again/);
    const replacement = Number(/\(pid (\d+)\)/.exec(again)?.[1]);
    expect(replacement).not.toBe(victim);
    const answers = await Promise.all(Array.from({ length: 8 }, () => getJson(port, '/wc/v3/customers?per_page=1')));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });
});

describe('stopping the workers', () => {
  it('SIGTERM: every worker finishes its request in flight, the primary exits 0 once all have', async () => {
    const { wcHost, port, pids } = await serveWorkers({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '20000' });
    // Two connections, one per worker (handed out in turn), each with a slow request in flight.
    const connections = await Promise.all([openConnection(port), openConnection(port)]);
    const inFlight = connections.map((connection) => connection.get('/wp-json/test/v1/slow?ms=2500'));
    await wcHost.waitForLine(/slow request started 2500/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    wcHost.child.kill('SIGTERM');
    await wcHost.waitForLine(/SIGTERM received: 2 worker\(s\) finishing their requests in flight \(at most 20000 ms/);
    const answered = await Promise.all(inFlight);
    expect(answered.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(answered.map((r) => (JSON.parse(r.body) as { pid: number }).pid))).toEqual(new Set(pids));
    expect(answered.map((r) => r.headers.connection)).toEqual(['close', 'close']);
    const { code } = await wcHost.exited;
    expect(code).toBe(0);
    const lines = wcHost.lines.join('\n');
    for (const pid of pids) expect(lines).toMatch(new RegExp(`"pid":${pid},[^\\n]*wc-host stopped \\(SIGTERM\\)`));
    expect(lines).toMatch(/wc-host stopped \(SIGTERM\) after \d+ ms: all 2 workers drained/);
    expect(lines).not.toContain('restarting it');
  });

  it('a second signal exits at once with 128 + its number and a log line, killing the workers', async () => {
    const { wcHost, port, pids } = await serveWorkers({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '30000' });
    const busy = await openConnection(port);
    void busy.get('/wp-json/test/v1/slow?ms=50000').catch(() => undefined);
    await wcHost.waitForLine(/slow request started 50000/);
    wcHost.child.kill('SIGTERM');
    await wcHost.waitForLine(/SIGTERM received: 2 worker/);
    const signalled = Date.now();
    wcHost.child.kill('SIGINT');
    const { code, at } = await wcHost.exited;
    expect(code).toBe(130);
    expect(at - signalled).toBeLessThan(5000);
    expect(wcHost.lines.join('\n')).toMatch(
      /SIGINT received again: exiting now with code 130, killing [12] worker\(s\) still draining/,
    );
    // No worker outlives its primary.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const pid of pids) expect(isRunning(pid)).toBe(false);
  });

  it('workers whose primary was killed exit at once: none is left orphaned', async () => {
    const { wcHost, pids } = await serveWorkers();
    wcHost.child.kill('SIGKILL');
    await wcHost.exited;
    const deadline = Date.now() + 5000;
    while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it('a worker that cannot bind: the primary stops the others and exits 1 with the bind error, never listening', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const takenPort = (taken.address() as net.AddressInfo).port;
    try {
      const wcHost = startWcHost(['serve'], { ...env, PORT: String(takenPort), WC_HOST_WORKERS: '2' });
      const { code } = await wcHost.exited;
      expect(code).toBe(1);
      expect(wcHost.lines.join('\n')).toContain(
        `Cannot listen on 127.0.0.1:${takenPort}: the address is already in use (EADDRINUSE)`,
      );
      expect(wcHost.lines.join('\n')).toMatch(/exited with code 1 before the workers were listening; stopping/);
      expect(wcHost.lines.join('\n')).not.toContain('listening on');
    } finally {
      taken.close();
    }
  });
});

describe('the worker count', () => {
  it('WC_HOST_WORKERS and --workers refuse what is not 1–256 or auto, naming the variable or option', async () => {
    const fromEnv = startWcHost(['serve'], { ...env, WC_HOST_WORKERS: 'many' });
    expect((await fromEnv.exited).code).toBe(1);
    expect(fromEnv.lines.join('\n')).toContain(
      'WC_HOST_WORKERS must be a whole number from 1 to 256, or auto (one per core)',
    );
    const fromArgument = startWcHost(['serve', '--workers', '0'], env);
    expect((await fromArgument.exited).code).toBe(2);
    expect(fromArgument.lines.join('\n')).toContain(
      '--workers must be a whole number from 1 to 256, or auto (one per core)',
    );
    const missing = startWcHost(['serve', '--workers'], env);
    expect((await missing.exited).code).toBe(2);
    expect(missing.lines.join('\n')).toContain('Unexpected argument --workers without a value');
  });
});

/** Whether `pid` is a live process (a killed one whose new parent has not reaped it yet, a zombie, is not). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
