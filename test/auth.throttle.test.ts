import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import type { AuthThrottleSettings } from '../src/auth/throttle/authThrottle';
import type { Host } from '../src/host/types';
import supertest from 'supertest';
import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import { captureLog, fieldsOf } from './helpers/capturedLog';

const CUSTOMERS = '/wp-json/wc/v3/customers';

function limits(overrides: Partial<Record<keyof AuthThrottleSettings, number>>): AuthThrottleSettings {
  const limit = (attempts: number) => ({ attempts, windowSeconds: 60, blockSeconds: 30 });
  return {
    perAddressAndKey: limit(overrides.perAddressAndKey ?? 0),
    perAddress: limit(overrides.perAddress ?? 0),
    perKey: limit(overrides.perKey ?? 0),
    keyRequests: limit(overrides.keyRequests ?? 0),
  };
}

const basic = (key: TestKey, secret = key.consumerSecret) =>
  `Basic ${Buffer.from(`${key.consumerKey}:${secret}`).toString('base64')}`;

function expectThrottled(response: supertest.Response, limit: number): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    code: 'rate_limit_exceeded',
    message: expect.stringMatching(/^Too many requests\. Please wait \d+ seconds before trying again\.$/),
    data: { status: 429 },
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(30);
  expect(response.headers['ratelimit-limit']).toBe(String(limit));
  expect(response.headers['ratelimit-remaining']).toBe('0');
}

describe('failed authentications from one address with one key', () => {
  let t: TestHost;
  const log = captureLog('info');

  beforeAll(async () => {
    t = await createTestHost({ authThrottle: limits({ perAddressAndKey: 5, perAddress: 1000 }), logger: log.logger });
  });
  afterAll(() => t.close());

  it('answers WooCommerce 401s up to the limit, then 429 with Retry-After, before any database read', async () => {
    const wrong = basic(t.adminKey, 'cs_wrong');
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await t.http.get(CUSTOMERS).set('Authorization', wrong);
      expect([response.status, response.body.code]).toEqual([401, 'woocommerce_rest_authentication_error']);
    }
    const query = jest.spyOn(t.host.db, 'query');
    try {
      for (let attempt = 0; attempt < 20; attempt++)
        expectThrottled(await t.http.get(CUSTOMERS).set('Authorization', wrong), 5);
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
    }
  });

  it('lets the right secret of that key through from the same address (compared in memory), and still refuses wrong ones', async () => {
    const response = await t.http.get(CUSTOMERS).set('Authorization', basic(t.adminKey));
    expect(response.status).toBe(200);
    expectThrottled(await t.http.get(CUSTOMERS).set('Authorization', basic(t.adminKey, 'cs_wrong_again')), 5);
  });

  it('lets another key from the same address work', async () => {
    const other = await t.createKey(1);
    const response = await t.http.get(CUSTOMERS).set('Authorization', basic(other));
    expect(response.status).toBe(200);
  });

  it('logs every failure at info as one line without the secret, and the start of the block', () => {
    const failures = log.withMessage('authentication failed');
    expect(failures).toHaveLength(5);
    expect(fieldsOf(failures[0])).toEqual({
      level: 'info',
      msg: 'authentication failed',
      client: expect.stringMatching(/127\.0\.0\.1|::1/),
      via: 'basic',
      key: t.adminKey.consumerKey.slice(-7),
      reason: 'Consumer secret is invalid.',
      method: 'GET',
      path: '/wc/v3/customers',
    });
    expect(log.withMessage('authentication throttled').map((record) => record.level)).toContain('info');
    for (const line of log.lines) {
      expect(line).not.toContain('cs_wrong');
      expect(line).not.toContain('cs_wrong_again');
      expect(line).not.toContain(t.adminKey.consumerKey);
      expect(line).not.toContain(t.adminKey.consumerSecret);
    }
  });
});

describe('failed authentications per address and per key', () => {
  let t: TestHost;

  beforeAll(async () => {
    // Behind a trusted proxy, so each request can come from an address of the test's choosing.
    t = await createTestHost({
      trustProxy: true,
      authThrottle: limits({ perAddressAndKey: 1000, perAddress: 4, perKey: 6 }),
    });
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ 'X-Forwarded-For': address, 'X-Forwarded-Proto': 'https' });

  it('blocks an address that tries many keys — every request from it, not the other addresses', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const guess = { ...t.adminKey, consumerKey: `ck_guess${attempt}` };
      const response = await t.http.get(CUSTOMERS).set(from('203.0.113.7')).set('Authorization', basic(guess));
      // An unknown key is anonymous to WooCommerce: the endpoint refuses it.
      expect([response.status, response.body.code]).toEqual([401, 'woocommerce_rest_cannot_view']);
    }
    expectThrottled(await t.http.get(CUSTOMERS).set(from('203.0.113.7')).set('Authorization', basic(t.adminKey)), 4);
    expect((await t.http.get(CUSTOMERS).set(from('203.0.113.8')).set('Authorization', basic(t.adminKey))).status).toBe(
      200,
    );
  });

  it('answers wrong secrets for a key attacked from many addresses with 429, while its right secret still works', async () => {
    const key = await t.createKey(1);
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await t.http
        .get(CUSTOMERS)
        .set(from(`198.51.100.${attempt}`))
        .set('Authorization', basic(key, 'cs_wrong'));
      expect(response.status).toBe(401);
    }
    expectThrottled(
      await t.http.get(CUSTOMERS).set(from('198.51.100.99')).set('Authorization', basic(key, 'cs_wrong')),
      6,
    );
    expect((await t.http.get(CUSTOMERS).set(from('198.51.100.99')).set('Authorization', basic(key))).status).toBe(200);
  });
});

describe('a request rate per API key', () => {
  it('is off unless set; when set, refuses the key past it with 429 and lets other keys through', async () => {
    const t = await createTestHost({ authThrottle: limits({ keyRequests: 3 }) });
    try {
      const limited = await t.createKey(1);
      for (let request = 0; request < 3; request++)
        expect((await t.http.get(CUSTOMERS).set('Authorization', basic(limited))).status).toBe(200);
      expectThrottled(await t.http.get(CUSTOMERS).set('Authorization', basic(limited)), 3);
      expect((await t.http.get(CUSTOMERS).set('Authorization', basic(t.adminKey))).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('throttling across processes on one database', () => {
  it('shares the counts through the database (table wc_host_rate_limits, on MySQL and on the SQLite file)', async () => {
    const t = await createTestHost({ authThrottle: limits({ perAddressAndKey: 3, perAddress: 1000 }) });
    let second: Host | null = null;
    try {
      second = await createHost({
        databaseUrl:
          t.host.dataSource.options.type === 'better-sqlite3'
            ? `sqlite:${String(t.host.dataSource.options.database)}`
            : hostUrl(t),
        logger: createLogger('silent'),
        pluginModules: [],
        authThrottle: limits({ perAddressAndKey: 3, perAddress: 1000 }),
      });
      const wrong = basic(t.adminKey, 'cs_wrong');
      for (let attempt = 0; attempt < 3; attempt++)
        expect((await t.http.get(CUSTOMERS).set('Authorization', wrong)).status).toBe(401);
      // The other process learns of the block from the shared count at its first failure, and refuses from then on.
      const other = () => supertest(second!.app).get(CUSTOMERS).set('Authorization', wrong);
      expect((await other()).status).toBe(401);
      expect((await other()).status).toBe(429);
      const rows = await t.host.db.query<{ points: number }>(
        `SELECT points FROM ${t.host.db.table('wc_host_rate_limits')} WHERE \`key\` LIKE 'wc_host_auth_pair:%'`,
      );
      expect(rows.map((row) => Number(row.points))).toEqual([4]);
    } finally {
      await second?.close();
      await t.close();
    }
  });
});

/** The test host's own database URL (MySQL), rebuilt from its TypeORM options. */
function hostUrl(t: TestHost): string {
  const options = t.host.dataSource.options as {
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  return `mysql://${options.username}:${options.password}@${options.host}:${options.port}/${options.database}`;
}
