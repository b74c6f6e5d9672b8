import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { readEnv } from '../src/config/env';
import { createHost } from '../src/host/createHost';
import type { Host, Plugin } from '../src/host/types';
import { captureLog, fieldsOf, type CapturedLog, type LogRecord } from './helpers/capturedLog';
import { createTestHost, type TestHost } from './helpers/testHost';
import { startWcHost } from './helpers/wcHostProcess';

/**
 * The access log: one line per request through host.app (embedded too) with method, route, status, duration, bytes,
 * the API key's id and the client; health probes at debug; WC_HOST_ACCESS_LOG=off turns it off.
 */

jest.setTimeout(60_000);

const CUSTOMER_ROUTE = '/wc/v3/customers/(?P<id>[\\d]+)';

/** The access-log lines so far (the line is written when the response closes, which may follow the client's read). */
async function accessRecords(log: CapturedLog, count: number): Promise<LogRecord[]> {
  const deadline = Date.now() + 5_000;
  while (log.withMessage('request').length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
  return log.withMessage('request');
}

/** A route that answers after 500 ms, so a client can leave before it does. */
const slowPlugin: Plugin = {
  name: 'test/slow',
  register({ rest }) {
    rest.registerRoute('test/v1', '/slow', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new Promise((resolve) => setTimeout(() => resolve({ done: true }), 500)),
    });
  },
};

describe('the access log of host.app', () => {
  let t: TestHost;
  const log = captureLog('debug');

  beforeAll(async () => {
    t = await createTestHost({ logger: log.logger, plugins: [slowPlugin] });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    log.lines.length = 0;
    log.streams.length = 0;
  });

  it('logs a REST request at info on stdout: its route pattern, status, duration, bytes, key id and client', async () => {
    const response = await t.http
      .get('/wp-json/wc/v3/customers/1?context=view&_fields=id')
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret);
    expect(response.status).toBe(200);
    const [record] = await accessRecords(log, 1);
    const { ms, ...fields } = fieldsOf(record);
    expect(fields).toEqual({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: CUSTOMER_ROUTE,
      status: 200,
      bytes: Number(response.headers['content-length']),
      key_id: t.adminKey.keyId,
      client: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(typeof ms).toBe('number');
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(log.streams[log.lines.indexOf(log.lines.find((line) => line.includes('"msg":"request"')) ?? '')]).toBe(
      'out',
    );
  });

  it('logs refused and unknown requests too: no key id, the REST route or the path requested, never the query', async () => {
    await t.http.get('/wp-json/wc/v3/customers?search=jo').auth(t.adminKey.consumerKey, 'cs_wrong').expect(401);
    await t.http.get('/wp-json/nothing/here?x=1').expect(404);
    await t.http.get('/?rest_route=/wc/v3/customers/1&context=edit').expect(401);
    await t.http.get('/not-rest/at-all?token=abc').expect(404);
    const records = await accessRecords(log, 4);
    expect(records.map(({ method, route, status, key_id }) => ({ method, route, status, key_id }))).toEqual([
      { method: 'GET', route: '/wc/v3/customers', status: 401, key_id: null },
      { method: 'GET', route: '/nothing/here', status: 404, key_id: null },
      { method: 'GET', route: CUSTOMER_ROUTE, status: 401, key_id: null },
      { method: 'GET', route: '/not-rest/at-all', status: 404, key_id: null },
    ]);
    expect(log.lines.join('\n')).not.toMatch(/search=|x=1|context=|token=/);
  });

  it('logs a write with the key that made it', async () => {
    const key = await t.createKey(1, 'read_write');
    const created = await t.http
      .post('/wp-json/wc/v2/customers')
      .auth(key.consumerKey, key.consumerSecret)
      .send({ email: 'access.log@example.com' });
    expect(created.status).toBe(201);
    const [record] = await accessRecords(log, 1);
    expect(record).toMatchObject({ method: 'POST', route: '/wc/v2/customers', status: 201, key_id: key.keyId });
  });

  it('logs a request whose client left before the answer as aborted', async () => {
    const server = t.host.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const request = http.get({ host: '127.0.0.1', port, path: '/wp-json/test/v1/slow?consumer_secret=x' });
      request.on('error', () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      request.destroy();
      const [record] = await accessRecords(log, 1);
      expect(record).toMatchObject({ method: 'GET', route: '/test/v1/slow', aborted: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('logs /healthz and /readyz at debug only', async () => {
    await t.http.get('/healthz').expect(200);
    await t.http.get('/readyz').expect(200);
    const records = await accessRecords(log, 2);
    expect(records.map(({ level, route, status }) => ({ level, route, status }))).toEqual([
      { level: 'debug', route: '/healthz', status: 200 },
      { level: 'debug', route: '/readyz', status: 200 },
    ]);
  });

  it('logs requests to host.app mounted in a larger app, with the full path', async () => {
    const parent = express();
    parent.use('/store', t.host.app);
    await supertest(parent)
      .get('/store/wp-json/wc/v3/customers/1')
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .expect(200);
    await supertest(parent).get('/store/healthz').expect(200);
    await supertest(parent).get('/store/missing?page=2').expect(404);
    const records = await accessRecords(log, 3);
    expect(records.map(({ level, route, status, key_id }) => ({ level, route, status, key_id }))).toEqual([
      { level: 'info', route: CUSTOMER_ROUTE, status: 200, key_id: t.adminKey.keyId },
      { level: 'debug', route: '/store/healthz', status: 200, key_id: null },
      { level: 'info', route: '/store/missing', status: 404, key_id: null },
    ]);
  });

  it('is off with accessLog: false, or WC_HOST_ACCESS_LOG=off', async () => {
    const quiet = captureLog('debug');
    const saved = process.env.WC_HOST_ACCESS_LOG;
    const hosts: Host[] = [];
    try {
      hosts.push(
        await createHost({
          databaseUrl: t.databaseUrl,
          logger: quiet.logger,
          pluginModules: [],
          migrate: false,
          accessLog: false,
        }),
      );
      process.env.WC_HOST_ACCESS_LOG = 'off';
      hosts.push(
        await createHost({ databaseUrl: t.databaseUrl, logger: quiet.logger, pluginModules: [], migrate: false }),
      );
      for (const host of hosts) {
        await supertest(host.app)
          .get('/wp-json/wc/v3/customers/1')
          .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
          .expect(200);
        await supertest(host.app).get('/healthz').expect(200);
      }
    } finally {
      if (saved === undefined) delete process.env.WC_HOST_ACCESS_LOG;
      else process.env.WC_HOST_ACCESS_LOG = saved;
      for (const host of hosts) await host.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quiet.withMessage('request')).toEqual([]);
  });
});

describe('WC_HOST_ACCESS_LOG', () => {
  it('is on unless set to off (or 0, false, no); anything else stops start-up naming it', () => {
    expect(readEnv({}).accessLog).toBe(true);
    for (const on of ['on', '1', 'true', 'yes', 'ON']) expect(readEnv({ WC_HOST_ACCESS_LOG: on }).accessLog).toBe(true);
    for (const off of ['off', '0', 'false', 'no', 'Off'])
      expect(readEnv({ WC_HOST_ACCESS_LOG: off }).accessLog).toBe(false);
    expect(() => readEnv({ WC_HOST_ACCESS_LOG: 'maybe' })).toThrow(/WC_HOST_ACCESS_LOG must be on\/off/);
  });
});

describe('wc-host serve', () => {
  it('writes the access log as JSON lines on stdout when stdout is not a terminal', async () => {
    const t = await createTestHost();
    const wcHost = startWcHost(['serve'], {
      DATABASE_URL: t.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      WC_HOST_ACCESS_LOG: '',
    });
    try {
      const listening = await wcHost.waitForLine(/wc-host listening on /);
      const base = /(http:\/\/[^/"]+)\/wp-json\//.exec(listening)?.[1];
      const authorization = `Basic ${Buffer.from(`${t.adminKey.consumerKey}:${t.adminKey.consumerSecret}`).toString('base64')}`;
      const response = await fetch(`${base}/wp-json/wc/v3/customers/1`, { headers: { authorization } });
      expect(response.status).toBe(200);
      const line = await wcHost.waitForLine(/"msg":"request"/);
      expect(JSON.parse(line)).toMatchObject({
        level: 'info',
        method: 'GET',
        route: CUSTOMER_ROUTE,
        status: 200,
        key_id: t.adminKey.keyId,
      });
      expect(wcHost.lines.every((text) => text.startsWith('{'))).toBe(true);
    } finally {
      wcHost.child.kill('SIGTERM');
      await wcHost.exited;
      await t.close();
    }
  });
});
