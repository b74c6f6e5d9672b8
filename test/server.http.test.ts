import net from 'node:net';
import { readServerEnv } from '../src/config/env';
import { createHttpServer, type HttpServer } from '../src/host/http/createHttpServer';
import { listen, ListenError } from '../src/host/http/listen';
import { createTestHost, type TestHost } from './helpers/testHost';
import { openConnection } from './helpers/rawHttp';

/** The HTTP server `serve` runs the host on: its timeouts, its bind errors and its drain, in-process. */

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

async function started(timeouts = readServerEnv({})): Promise<HttpServer & { port: number }> {
  const http = createHttpServer(t.host.app, timeouts);
  const { port } = await listen(http.server, 0, '127.0.0.1');
  return { ...http, port };
}

describe('WC_HOST_*_TIMEOUT_MS', () => {
  it("defaults: keep-alive 65 s (past load balancers' 60 s), headers 66 s, whole request 120 s, shutdown 10 s", () => {
    expect(readServerEnv({})).toEqual({
      shutdownTimeoutMs: 10_000,
      keepAliveTimeoutMs: 65_000,
      headersTimeoutMs: 66_000,
      requestTimeoutMs: 120_000,
      maxConnections: 512,
      maxRequestsPerSocket: 0,
      workers: 1,
    });
    expect(
      readServerEnv({ WC_HOST_SHUTDOWN_TIMEOUT_MS: '2500', WC_HOST_HEADERS_TIMEOUT_MS: '' }).shutdownTimeoutMs,
    ).toBe(2500);
  });

  it('refuses values that are not milliseconds, and a headers timeout longer than the request timeout', () => {
    expect(() => readServerEnv({ WC_HOST_SHUTDOWN_TIMEOUT_MS: 'ten' })).toThrow(
      'Invalid environment: WC_HOST_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 3600000',
    );
    expect(() => readServerEnv({ WC_HOST_KEEP_ALIVE_TIMEOUT_MS: '0' })).toThrow(
      'WC_HOST_KEEP_ALIVE_TIMEOUT_MS must be',
    );
    expect(() => readServerEnv({ WC_HOST_HEADERS_TIMEOUT_MS: '5000', WC_HOST_REQUEST_TIMEOUT_MS: '4000' })).toThrow(
      'WC_HOST_HEADERS_TIMEOUT_MS (5000) must not exceed WC_HOST_REQUEST_TIMEOUT_MS (4000)',
    );
  });

  it('keeps connections alive for WC_HOST_KEEP_ALIVE_TIMEOUT_MS and says so', async () => {
    const { server, port } = await started(readServerEnv({ WC_HOST_KEEP_ALIVE_TIMEOUT_MS: '61000' }));
    try {
      const connection = await openConnection(port);
      const response = await connection.get('/healthz');
      expect(response.headers['keep-alive']).toBe('timeout=61');
      connection.destroy();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('cuts a client that sends its headers too slowly, but not a keep-alive connection idle for longer than that', async () => {
    const { server, port } = await started(
      readServerEnv({
        WC_HOST_HEADERS_TIMEOUT_MS: '300',
        WC_HOST_REQUEST_TIMEOUT_MS: '600',
        WC_HOST_KEEP_ALIVE_TIMEOUT_MS: '5000',
      }),
    );
    try {
      const idle = await openConnection(port);
      expect((await idle.get('/healthz')).status).toBe(200);
      const slow = await openConnection(port);
      slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // Node counts the headers timeout from a request's first byte, so idling 1.5 s between requests is fine…
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await idle.get('/healthz')).status).toBe(200);
      // …while headers still unfinished after it (checked each second) get 408 and the connection closed.
      expect(await slow.ended).toBe('end');
      idle.destroy();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('listen', () => {
  it('rejects with the address and the fix when the port is taken, and never listens', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { server } = createHttpServer(t.host.app, readServerEnv({}));
      const error = await listen(server, port, '127.0.0.1').catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ListenError);
      expect((error as ListenError).code).toBe('EADDRINUSE');
      expect((error as ListenError).message).toBe(
        `Cannot listen on 127.0.0.1:${port}: the address is already in use (EADDRINUSE). Stop the program using that port, or set PORT to a free one.`,
      );
      expect(server.listening).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('names an address this machine does not have (HOST), bracketing IPv6', async () => {
    const { server } = createHttpServer(t.host.app, readServerEnv({}));
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
    await expect(listen(server, 8080, '192.0.2.1')).rejects.toThrow(
      'Cannot listen on 192.0.2.1:8080: this machine has no such address (EADDRNOTAVAIL). Set HOST to one of its addresses',
    );
    await expect(listen(server, 8080, '2001:db8::1')).rejects.toThrow('Cannot listen on [2001:db8::1]:8080: ');
  });
});
