import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';
import { openConnection } from './helpers/rawHttp';
import { startWcHost, type WcHostProcess } from './helpers/wcHostProcess';
import { slowPluginSource } from './helpers/slowPlugin';

/**
 * `wc-host serve` as an operator runs it: the bind errors, and SIGTERM/SIGINT with requests in flight, idle and
 * half-open keep-alive connections (on this file's database, SQLite or MariaDB).
 */

jest.setTimeout(60_000);

let dir: string;
let database: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wc-host-shutdown-'));
  const plugin = path.join(dir, 'slow.js');
  writeFileSync(plugin, slowPluginSource());
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', WC_HOST_PLUGINS: plugin };
});

afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(extra: NodeJS.ProcessEnv = {}): Promise<{ wcHost: WcHostProcess; port: number }> {
  const wcHost = startWcHost(['serve'], { ...env, ...extra });
  const line = await wcHost.waitForLine(/wc-host listening on /);
  return { wcHost, port: Number(/:(\d+)\/wp-json\//.exec(line)?.[1]) };
}

describe('a bind error', () => {
  it('a taken port: one line naming the address and the fix, exit 1, never "listening"', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const wcHost = startWcHost(['serve'], { ...env, PORT: String(port) });
      const { code } = await wcHost.exited;
      expect(code).toBe(1);
      expect(wcHost.lines).toContain(
        `wc-host: Cannot listen on 127.0.0.1:${port}: the address is already in use (EADDRINUSE). ` +
          'Stop the program using that port, or set PORT to a free one.',
      );
      expect(wcHost.lines.join('\n')).not.toContain('listening');
    } finally {
      taken.close();
    }
  });
});

describe('SIGTERM', () => {
  it('answers the request in flight and a request reusing an idle keep-alive connection, closes a half-open one, exits 0', async () => {
    const { wcHost, port } = await serve({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '20000' });
    const idle = await openConnection(port);
    const first = await idle.get('/wp-json/test/v1/slow?ms=0');
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');
    expect(first.headers['keep-alive']).toBe('timeout=65');

    const halfOpen = await openConnection(port);
    halfOpen.write('GET /wp-json/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const busy = await openConnection(port);
    const inFlight = busy.get('/wp-json/test/v1/slow?ms=1500');
    await wcHost.waitForLine(/slow request started 1500/);

    wcHost.child.kill('SIGTERM');
    await wcHost.waitForLine(/SIGTERM received: accepting no new connections, finishing 1 request\(s\) in flight/);
    // The idle connection is reused just after the signal: answered, and told to close, not reset.
    const reused = await idle.get('/wp-json/test/v1/slow?ms=0');
    expect(reused.status).toBe(200);
    expect(reused.headers.connection).toBe('close');
    expect(await idle.ended).toBe('end');

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ slept: 1500 });
    expect(answered.headers.connection).toBe('close');

    expect(await halfOpen.ended).toBe('end');
    const { code } = await wcHost.exited;
    expect(code).toBe(0);
    // Everything finished on its own, well before the 20 s bound: nothing was cut.
    expect(wcHost.lines.join('\n')).not.toContain('reached');
    expect(wcHost.lines.some((line) => /wc-host stopped \(SIGTERM\)/.test(line))).toBe(true);
  });

  it('cuts what is still running at WC_HOST_SHUTDOWN_TIMEOUT_MS, says what it cut, and exits 0', async () => {
    const { wcHost, port } = await serve({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '2000' });
    const busy = await openConnection(port);
    const neverAnswered = busy.get('/wp-json/test/v1/slow?ms=50000').catch((error: Error) => error);
    await wcHost.waitForLine(/slow request started 50000/);
    const signalled = Date.now();
    wcHost.child.kill('SIGTERM');
    const { code, at } = await wcHost.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(await neverAnswered).toBeInstanceOf(Error);
    expect(wcHost.lines.join('\n')).toContain(
      'Shutdown bound of 2000 ms (WC_HOST_SHUTDOWN_TIMEOUT_MS) reached: cut 1 request(s) in flight and closed 1 connection(s)',
    );
  });

  it('a second signal exits at once, with a log line and 128 + its number', async () => {
    const { wcHost, port } = await serve({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '30000' });
    const busy = await openConnection(port);
    void busy.get('/wp-json/test/v1/slow?ms=50000').catch(() => undefined);
    await wcHost.waitForLine(/slow request started 50000/);
    wcHost.child.kill('SIGTERM');
    await wcHost.waitForLine(/SIGTERM received/);
    wcHost.child.kill('SIGINT');
    const { code, signal } = await wcHost.exited;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(wcHost.lines.join('\n')).toContain(
      'SIGINT received again: exiting now with code 130, cutting 1 request(s) in flight on 1 connection(s)',
    );
  });
});
