import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { answerWhileDraining } from '../src/rest/express/answerWhileDraining';
import { createTestHost, type TestHost } from './helpers/testHost';

/**
 * Issue 12: a body over the 8 MiB limit gets its 413 — a WordPress error — while the client is still uploading, not a
 * connection reset (the server reads and discards the rest, within bounds, before it closes the connection).
 */

const MIB = 1024 * 1024;

interface UploadResult {
  status?: number;
  body?: string;
  connection?: string;
  /** The client's error (ECONNRESET, EPIPE…), when the connection failed before the answer was read whole. */
  error?: string;
  /** Bytes the client wrote (its writes end when it has read the answer whole). */
  written: number;
}

/**
 * A raw HTTP client that POSTs `total` bytes in 64 KiB writes, honouring back-pressure, whatever comes back meanwhile,
 * and reports what it got once the connection has closed. (Node's client itself stops uploading once it has read a
 * whole `Connection: close` answer, as curl does; a reset before that is what the client would report instead.)
 */
function upload(
  port: number,
  path: string,
  total: number,
  options: { chunked?: boolean; authorization?: string } = {},
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const result: UploadResult = { written: 0 };
    const fail = (error: Error): void => {
      result.error ??= (error as NodeJS.ErrnoException).code ?? error.message;
    };
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (!options.chunked) headers['Content-Length'] = String(total);
    if (options.authorization) headers.Authorization = options.authorization;
    const req = request({ port, method: 'POST', path, headers, agent: false }, (res) => {
      result.status = res.statusCode;
      result.connection = res.headers.connection;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (result.body = text));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.on('close', () => resolve(result));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const writeMore = (): void => {
      while (result.written < total && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - result.written));
        result.written += piece.length;
        if (!req.write(piece)) {
          req.once('drain', writeMore);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    writeMore();
  });
}

describe('a body over the limit', () => {
  let t: TestHost;
  let server: Server;
  let port: number;
  let authorization: string;

  beforeAll(async () => {
    t = await createTestHost();
    server = t.host.app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
    authorization = `Basic ${Buffer.from(`${t.adminKey.consumerKey}:${t.adminKey.consumerSecret}`).toString('base64')}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it.each([
    ['announced by Content-Length', false],
    ['sent chunked', true],
  ])(
    '%s: a client uploading 20 MiB reads the whole 413, never a reset, and nothing is created',
    async (_label, chunked) => {
      const [before] = await t.host.db.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM ${t.host.db.table('users')}`,
      );
      const result = await upload(port, '/wp-json/wc/v3/customers', 20 * MIB, { chunked, authorization });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(413);
      expect(result.connection).toBe('close');
      expect(JSON.parse(result.body ?? '')).toEqual({
        code: 'rest_request_too_large',
        message: 'The request body is too large.',
        data: { status: 413 },
      });
      const [after] = await t.host.db.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM ${t.host.db.table('users')}`,
      );
      expect(Number(after.n)).toBe(Number(before.n));
    },
  );

  it('a body just under the limit is still read and answered', async () => {
    const result = await upload(port, '/wp-json/wc/v3/customers', 8 * MIB - 16, { authorization });
    expect(result.error).toBeUndefined();
    // Spaces only: valid length, invalid JSON.
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body ?? '').code).toBe('rest_invalid_json');
  });
});

describe('answerWhileDraining keeps its bounds', () => {
  let server: Server;
  let port: number;
  const bounds = { maxBytes: 2 * MIB, maxMs: 10_000, idleMs: 300 };

  beforeAll(async () => {
    server = createServer((req, res) =>
      answerWhileDraining(req, res, { status: 413, contentType: 'application/json', body: '{"code":"x"}' }, bounds),
    );
    server.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a client that never stops uploading is cut off once the byte bound is thrown away', async () => {
    const connection = await rawUpload((socket) => {
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    expect(connection.answer).toMatch(/^HTTP\/1\.1 413 /);
    // Far less than the 1 GiB it announced: the server closed soon after throwing away its 2 MiB.
    expect(connection.written).toBeLessThan(200 * MIB);
  });

  it('a client that stops sending mid-body is cut off after the idle bound', async () => {
    const started = Date.now();
    const connection = await rawUpload((socket) => socket.write(Buffer.alloc(1024)));
    expect(connection.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(Date.now() - started).toBeLessThan(bounds.maxMs);
  });

  /**
   * A client that ignores answers (a raw socket): announces 1 GiB, lets `send` write, and resolves once the server
   * has closed the connection, with what it read and how much it wrote.
   */
  function rawUpload(send: (socket: Socket) => void): Promise<{ answer: string; written: number }> {
    return new Promise((resolve) => {
      const outcome = { answer: '', written: 0 };
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${1024 * MIB}\r\n\r\n`);
        const write: (data: Buffer) => boolean = socket.write.bind(socket);
        socket.write = (data: Buffer) => {
          outcome.written += data.length;
          return write(data);
        };
        send(socket);
      });
      socket.setEncoding('latin1');
      socket.on('data', (text: string) => (outcome.answer += text));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(outcome));
    });
  }
});
