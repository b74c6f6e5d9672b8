import type { AuthThrottleSettings } from '../src/auth/throttle/authThrottle';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import { hashConsumerKey } from '../src/auth/apiKeys';
import { loadCurrentUser } from '../src/auth/currentUser';
import {
  authorizationRequiredCode,
  checkUserPermissions,
  type UserPermissionContext,
} from '../src/auth/restPermissions';
import { RestError } from '../src/rest/RestError';
import { nowSiteMysql } from '../src/wp/siteTime';
import type { RestRequest } from '../src/rest/RestRequest';
import { captureLog, fieldsOf, type CapturedLog } from './helpers/capturedLog';
import type { Host, HostOptions } from '../src/host/types';

/**
 * API key authentication over HTTP: Basic and query keys (HTTPS or unproxied loopback), OAuth 1.0a, key permissions,
 * the user a key runs as, and last_access. A tiny `wc/v2/whoami` route echoes who the request runs as; its
 * permission check is the customers endpoints' (wc_rest_check_user_permissions).
 */

const HOST = 'shop.test';
const WHOAMI_URL = `http://${HOST}/wp-json/wc/v2/whoami`;

function registerTestRoutes(host: Host): void {
  const loadRoles = (id: number) => loadCurrentUser(host.db, host.options, id).then((user) => user?.roles ?? null);
  const guard = (context: UserPermissionContext) => async (request: RestRequest) => {
    const objectId = Number(request.urlParams.id ?? 0);
    if (await checkUserPermissions({ hooks: host.hooks, user: request.user, loadRoles }, context, objectId))
      return true;
    throw new RestError(
      'woocommerce_rest_cannot_view',
      'Sorry, you cannot list resources.',
      authorizationRequiredCode(request.user),
    );
  };
  const whoami = (request: RestRequest) => ({
    user: request.user?.id ?? 0,
    roles: request.user?.roles ?? [],
    key: request.apiKey,
  });
  host.rest.registerRoute('wc/v2', '/whoami', [
    { methods: 'GET', callback: whoami, permissionCallback: guard('read') },
    { methods: ['POST', 'PUT', 'PATCH', 'DELETE'], callback: whoami, permissionCallback: guard('create') },
  ]);
  host.rest.registerRoute('wc/v2', '/users/(?P<id>[\\d]+)', [
    { methods: 'PUT', callback: whoami, permissionCallback: guard('edit') },
    { methods: 'DELETE', callback: whoami, permissionCallback: guard('delete') },
  ]);
  host.rest.registerRoute('acme/v1', '/whoami', { methods: 'GET', callback: whoami, permissionCallback: () => true });
}

/** Limits no test here reaches (throttling itself is tested in auth.throttle.test.ts). */
function generousThrottle(): AuthThrottleSettings {
  const limit = { attempts: 10_000, windowSeconds: 60, blockSeconds: 60 };
  return { perAddressAndKey: limit, perAddress: limit, perKey: limit, keyRequests: { ...limit, attempts: 0 } };
}

async function startHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const testHost = await createTestHost(options);
  registerTestRoutes(testHost.host);
  return testHost;
}

/** Adds a user with the given roles (wp_capabilities as WordPress writes it). */
async function insertUser(host: Host, login: string, roles: string[]): Promise<number> {
  const db = host.db;
  const result = await db.execute(
    `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
     VALUES (?, '', ?, ?, '', '2025-01-01 00:00:00', '', 0, ?)`,
    [login, login, `${login}@example.com`, login],
  );
  const caps = `a:${roles.length}:{${roles.map((role) => `s:${Buffer.byteLength(role)}:"${role}";b:1;`).join('')}}`;
  await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
    result.insertId,
    `${db.prefix}capabilities`,
    caps,
  ]);
  return result.insertId;
}

const basic = (key: TestKey, secret = key.consumerSecret) =>
  `Basic ${Buffer.from(`${key.consumerKey}:${secret}`).toString('base64')}`;

function oauthFor(
  key: TestKey,
  method: 'HMAC-SHA1' | 'HMAC-SHA256' = 'HMAC-SHA256',
  secret = key.consumerSecret,
): OAuth {
  return new OAuth({
    consumer: { key: key.consumerKey, secret },
    signature_method: method,
    hash_function: (base, signingKey) =>
      createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', signingKey)
        .update(base)
        .digest('base64'),
  });
}

/** OAuth query parameters for `url` (which may carry its own query), as the official client sends them. */
function signedQuery(oauth: OAuth, method: string, url: string, data?: Record<string, string>): Record<string, string> {
  const authorization = oauth.authorize({ url, method, data });
  return Object.fromEntries(Object.entries(authorization).map(([name, value]) => [name, String(value)]));
}

function expectAuthError(body: unknown, message: string, code = 'woocommerce_rest_authentication_error'): void {
  expect(body).toEqual({ code, message, data: { status: 401 } });
}

const CANNOT_VIEW = { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' };

describe('API keys over HTTP Basic and the query string', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startHost();
  });
  afterAll(async () => {
    await t.close();
  });

  it('authenticates Basic over plain HTTP from loopback and runs as the key owner', async () => {
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(t.adminKey));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: 1,
      roles: ['administrator'],
      key: { keyId: t.adminKey.keyId, userId: 1, permissions: 'read_write' },
    });
  });

  it('authenticates consumer_key/consumer_secret in the query string', async () => {
    const response = await t.http
      .get('/wp-json/wc/v2/whoami')
      .query({ consumer_key: t.adminKey.consumerKey, consumer_secret: t.adminKey.consumerSecret });
    expect(response.status).toBe(200);
    expect(response.body.user).toBe(1);
  });

  it('refuses a known key with a wrong secret, without a WWW-Authenticate header', async () => {
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(t.adminKey, 'cs_wrong'));
    expect(response.status).toBe(401);
    expectAuthError(response.body, 'Consumer secret is invalid.');
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('treats an unknown key as no credentials: the endpoint answers 401', async () => {
    const unknown = { keyId: 0, consumerKey: `ck_${'0'.repeat(40)}`, consumerSecret: `cs_${'0'.repeat(40)}` };
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(unknown));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject(CANNOT_VIEW);
  });

  it('answers 401 to a request without credentials', async () => {
    const response = await t.http.get('/wp-json/wc/v2/whoami');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ ...CANNOT_VIEW, data: { status: 401 } });
  });

  it('ignores Basic auth over plain HTTP when the request came through a proxy', async () => {
    for (const header of ['X-Forwarded-For', 'Forwarded', 'X-Forwarded-Host']) {
      const value = header === 'Forwarded' ? 'for=198.51.100.7' : '198.51.100.7';
      const response = await t.http
        .get('/wp-json/wc/v2/whoami')
        .set(header, value)
        .set('Authorization', basic(t.adminKey));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject(CANNOT_VIEW);
    }
  });

  it('does not let a key authenticate outside the wc/ and wc- namespaces', async () => {
    const response = await t.http.get('/wp-json/acme/v1/whoami').set('Authorization', basic(t.adminKey));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: 0, roles: [], key: null });
  });

  it('lets woocommerce_rest_is_request_to_rest_api extend the namespaces', async () => {
    t.host.hooks.addFilter(
      'woocommerce_rest_is_request_to_rest_api',
      'test',
      (isWc: boolean, request: RestRequest) => isWc || request.path.startsWith('/acme/'),
    );
    try {
      const response = await t.http.get('/wp-json/acme/v1/whoami').set('Authorization', basic(t.adminKey));
      expect(response.body.user).toBe(1);
    } finally {
      t.host.hooks.removeFilter('woocommerce_rest_is_request_to_rest_api', 'test');
    }
  });

  it('gates methods by the key permissions with WooCommerce 401 errors', async () => {
    const readKey = await t.createKey(1, 'read');
    const writeKey = await t.createKey(1, 'write');
    const post = await t.http.post('/wp-json/wc/v2/whoami').set('Authorization', basic(readKey)).send({});
    expect(post.status).toBe(401);
    expectAuthError(post.body, 'The API key provided does not have write permissions.');
    const get = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(writeKey));
    expect(get.status).toBe(401);
    expectAuthError(get.body, 'The API key provided does not have read permissions.');
    const put = await t.http.put('/wp-json/wc/v2/whoami').set('Authorization', basic(writeKey)).send({});
    expect(put.status).toBe(200);
    const options = await t.http.options('/wp-json/wc/v2/whoami').set('Authorization', basic(writeKey));
    expect(options.status).toBe(200);
  });

  it('runs a customer-role key as that customer: 403 from the endpoint', async () => {
    const customerId = await insertUser(t.host, 'keyed.customer', ['customer']);
    const key = await t.createKey(customerId, 'read_write');
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(key));
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ ...CANNOT_VIEW, data: { status: 403 } });
  });

  it('applies the shop-manager rule: customers and themselves only', async () => {
    const managerId = await insertUser(t.host, 'manager', ['shop_manager']);
    const customerId = await insertUser(t.host, 'managed.customer', ['customer']);
    const key = await t.createKey(managerId, 'read_write');
    const put = (id: number) => t.http.put(`/wp-json/wc/v2/users/${id}`).set('Authorization', basic(key)).send({});
    expect((await put(customerId)).status).toBe(200);
    expect((await put(managerId)).status).toBe(200);
    expect((await put(1)).status).toBe(403);
    expect((await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(key))).status).toBe(200);
    expect((await t.http.delete(`/wp-json/wc/v2/users/${customerId}`).set('Authorization', basic(key))).status).toBe(
      403,
    );
  });

  it('leaves a key of a deleted user anonymous', async () => {
    const userId = await insertUser(t.host, 'soon.gone', ['administrator']);
    const key = await t.createKey(userId, 'read_write');
    await t.host.db.execute(`DELETE FROM ${t.host.db.table('users')} WHERE ID = ?`, [userId]);
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(key));
    expect(response.status).toBe(401);
  });

  it('accepts a key row written by WooCommerce (hash by SQL)', async () => {
    const consumerKey = 'ck_1234567890abcdef1234567890abcdef12345678';
    const consumerSecret = 'cs_abcdef1234567890abcdef1234567890abcdef12';
    const result = await t.host.db.execute(
      `INSERT INTO ${t.host.db.table('woocommerce_api_keys')} (user_id, description, permissions, consumer_key, consumer_secret, truncated_key)
       VALUES (1, 'Made by WooCommerce', 'read', '59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3', ?, '2345678')`,
      [consumerSecret],
    );
    const wooKey = { keyId: result.insertId, consumerKey, consumerSecret };
    const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(wooKey));
    expect(response.body.key).toEqual({ keyId: result.insertId, userId: 1, permissions: 'read' });
    const signed = signedQuery(oauthFor(wooKey), 'GET', WHOAMI_URL);
    const oauthResponse = await t.http.get('/wp-json/wc/v2/whoami').set('Host', HOST).query(signed);
    expect(oauthResponse.status).toBe(200);
  });

  it('stores a created key the way WooCommerce does', async () => {
    const key = await t.createKey(1, 'write');
    const rows = await t.host.db.query<Record<string, unknown>>(
      `SELECT user_id, description, permissions, consumer_key, consumer_secret, nonces, truncated_key, last_access
         FROM ${t.host.db.table('woocommerce_api_keys')} WHERE key_id = ?`,
      [key.keyId],
    );
    expect(rows[0]).toEqual({
      user_id: 1,
      description: 'test',
      permissions: 'write',
      consumer_key: hashConsumerKey(key.consumerKey),
      consumer_secret: key.consumerSecret,
      nonces: null,
      truncated_key: key.consumerKey.slice(-7),
      last_access: null,
    });
  });

  it('records last_access on use, at most once a minute, unless the access log is disabled', async () => {
    const key = await t.createKey(1, 'read');
    const table = t.host.db.table('woocommerce_api_keys');
    const lastAccess = async () =>
      (
        await t.host.db.query<{ last_access: string | null }>(`SELECT last_access FROM ${table} WHERE key_id = ?`, [
          key.keyId,
        ])
      )[0].last_access;
    const use = () => t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(key)).expect(200);

    t.host.hooks.addFilter('woocommerce_disable_rest_api_access_log', 'test', () => true);
    await use();
    t.host.hooks.removeFilter('woocommerce_disable_rest_api_access_log', 'test');
    expect(await lastAccess()).toBeNull();

    // Site-local time (current_time('mysql')): with gmt_offset 5 it is UTC + 5 hours.
    await t.host.options.update('gmt_offset', '5');
    try {
      await use();
    } finally {
      await t.host.options.update('gmt_offset', '0');
    }
    const written = Date.parse(`${(await lastAccess()) ?? ''}Z`);
    expect(Math.abs(written - (Date.now() + 5 * 3600_000))).toBeLessThan(5000);

    // Written 30 seconds ago: no write now.
    const thirtySecondsAgo = new Date(Date.parse(`${await nowSiteMysql(t.host.options)}Z`) - 30_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    await t.host.db.execute(`UPDATE ${table} SET last_access = ? WHERE key_id = ?`, [thirtySecondsAgo, key.keyId]);
    await use();
    expect(await lastAccess()).toBe(thirtySecondsAgo);

    await t.host.db.execute(`UPDATE ${table} SET last_access = '2001-01-01 00:00:00' WHERE key_id = ?`, [key.keyId]);
    await use();
    expect(await lastAccess()).not.toBe('2001-01-01 00:00:00');
  });
});

describe('API keys over HTTPS and with WC_HOST_STRICT_AUTH', () => {
  /** A logger that keeps its lines (at info and above). */
  const keptLog = () => captureLog('info');

  /** The one-line log of a key that was not used, and that it holds neither the key nor the secret. */
  function expectRefusalLogged(log: CapturedLog, key: TestKey, reason: RegExp): void {
    const refusals = log.withMessage('API key sent as such was not used');
    expect(refusals.map(fieldsOf)).toEqual([
      {
        level: 'info',
        msg: 'API key sent as such was not used',
        path: '/wc/v2/whoami',
        client: expect.any(String),
        reason: expect.stringMatching(reason),
      },
    ]);
    const line = log.lines.find((text) => text.includes('API key sent as such was not used'));
    expect(line).not.toContain(key.consumerKey.slice(3));
    expect(line).not.toContain(key.consumerSecret.slice(3));
  }

  it('refuses Basic over plain HTTP even from loopback with strictAuth, and logs why', async () => {
    const log = keptLog();
    const t = await startHost({ strictAuth: true, logger: log.logger });
    try {
      const response = await t.http.get('/wp-json/wc/v2/whoami').set('Authorization', basic(t.adminKey));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject(CANNOT_VIEW);
      expectRefusalLogged(log, t.adminKey, /^WC_HOST_STRICT_AUTH is on, so keys sent as such need HTTPS$/);
    } finally {
      await t.close();
    }
  });

  it('accepts Basic through a trusted proxy that says HTTPS, and not through an untrusted one (saying why in the log)', async () => {
    const trusted = await startHost({ strictAuth: true, trustProxy: true });
    const log = keptLog();
    const untrusted = await startHost({ trustProxy: false, logger: log.logger });
    try {
      const viaTrusted = await trusted.http
        .get('/wp-json/wc/v2/whoami')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-For', '198.51.100.7')
        .set('Authorization', basic(trusted.adminKey));
      expect(viaTrusted.status).toBe(200);
      // Without credentials there is nothing to say.
      await untrusted.http.get('/wp-json/wc/v2/whoami').set('X-Forwarded-Proto', 'https');
      expect(log.lines.filter((line) => line.includes('was not used'))).toEqual([]);
      const viaUntrusted = await untrusted.http
        .get('/wp-json/wc/v2/whoami')
        .set('X-Forwarded-Proto', 'https')
        .set('Authorization', basic(untrusted.adminKey));
      expect(viaUntrusted.status).toBe(401);
      expect(viaUntrusted.body).toMatchObject(CANNOT_VIEW);
      expectRefusalLogged(log, untrusted.adminKey, /through a proxy .*TRUST_PROXY=1/);
    } finally {
      await trusted.close();
      await untrusted.close();
    }
  });
});

describe('OAuth 1.0a', () => {
  let t: TestHost;
  beforeAll(async () => {
    // These tests fail on purpose, dozens of times with one key from one address: more than the default limits allow.
    t = await startHost({ authThrottle: generousThrottle() });
  });
  afterAll(async () => {
    await t.close();
  });
  const whoami = () => t.http.get('/wp-json/wc/v2/whoami').set('Host', HOST);

  it.each(['HMAC-SHA1', 'HMAC-SHA256'] as const)('authenticates %s parameters in the query string', async (method) => {
    const response = await whoami()
      .query(signedQuery(oauthFor(t.adminKey, method), 'GET', `${WHOAMI_URL}?page=2&search=jo%20hn`))
      .query({ page: '2', search: 'jo hn' });
    expect(response.status).toBe(200);
    expect(response.body.user).toBe(1);
  });

  it('authenticates parameters from an Authorization: OAuth header', async () => {
    const oauth = oauthFor(t.adminKey);
    const header = oauth.toHeader(oauth.authorize({ url: WHOAMI_URL, method: 'GET' })).Authorization;
    const response = await whoami().set('Authorization', header);
    expect(response.status).toBe(200);
  });

  it('authenticates parameters from a form body, which is signed too', async () => {
    const data = { first_name: 'Jo Ann', oauth_version: '1.0' };
    const signed = signedQuery(oauthFor(t.adminKey), 'POST', WHOAMI_URL, data);
    const response = await t.http
      .post('/wp-json/wc/v2/whoami')
      .set('Host', HOST)
      .type('form')
      .send({ ...signed, ...data });
    expect(response.status).toBe(200);
    const tampered = signedQuery(oauthFor(t.adminKey), 'POST', WHOAMI_URL, data);
    const refused = await t.http
      .post('/wp-json/wc/v2/whoami')
      .set('Host', HOST)
      .type('form')
      .send({ ...tampered, first_name: 'Mallory' });
    expectAuthError(refused.body, 'Invalid signature - provided signature does not match.');
  });

  it('refuses a replayed nonce and stores nonces as WooCommerce does', async () => {
    const signed = signedQuery(oauthFor(t.adminKey), 'GET', WHOAMI_URL);
    expect((await whoami().query(signed)).status).toBe(200);
    const replay = await whoami().query(signed);
    expect(replay.status).toBe(401);
    expectAuthError(replay.body, 'Invalid nonce - nonce has already been used.');
    const rows = await t.host.db.query<{ nonces: string }>(
      `SELECT nonces FROM ${t.host.db.table('woocommerce_api_keys')} WHERE key_id = ?`,
      [t.adminKey.keyId],
    );
    expect(rows[0].nonces).toContain(
      `i:${signed.oauth_timestamp};s:${signed.oauth_nonce.length}:"${signed.oauth_nonce}";`,
    );
  });

  it('refuses a nonce WooCommerce recorded in the nonces column', async () => {
    const key = await t.createKey(1);
    const oauth = oauthFor(key);
    const now = Math.floor(Date.now() / 1000);
    await t.host.db.execute(`UPDATE ${t.host.db.table('woocommerce_api_keys')} SET nonces = ? WHERE key_id = ?`, [
      `a:1:{i:${now - 5};s:32:"abcdefghijklmnopqrstuvwxyz012345";}`,
      key.keyId,
    ]);
    oauth.getNonce = () => 'abcdefghijklmnopqrstuvwxyz012345';
    const response = await whoami().query(signedQuery(oauth, 'GET', WHOAMI_URL));
    expectAuthError(response.body, 'Invalid nonce - nonce has already been used.');
  });

  it.each([
    ['stale', -901],
    ['future', 901],
  ])('refuses a %s timestamp', async (_label, offset) => {
    const oauth = oauthFor(t.adminKey);
    oauth.getTimeStamp = () => Math.floor(Date.now() / 1000) + offset;
    const response = await whoami().query(signedQuery(oauth, 'GET', WHOAMI_URL));
    expect(response.status).toBe(401);
    expectAuthError(response.body, 'Invalid timestamp.');
  });

  it('refuses a signature made with the wrong secret', async () => {
    const response = await whoami().query(
      signedQuery(oauthFor(t.adminKey, 'HMAC-SHA256', 'cs_wrong'), 'GET', WHOAMI_URL),
    );
    expectAuthError(response.body, 'Invalid signature - provided signature does not match.');
  });

  it('refuses a signature for another URL (the query string is not part of the base URL, the path is)', async () => {
    const response = await whoami().query(
      signedQuery(oauthFor(t.adminKey), 'GET', `http://${HOST}/wp-json/wc/v2/other`),
    );
    expectAuthError(response.body, 'Invalid signature - provided signature does not match.');
  });

  it('refuses an unknown consumer key', async () => {
    const unknown = { keyId: 0, consumerKey: `ck_${'1'.repeat(40)}`, consumerSecret: 'cs_x' };
    const response = await whoami().query(signedQuery(oauthFor(unknown), 'GET', WHOAMI_URL));
    expectAuthError(response.body, 'Consumer key is invalid.');
  });

  it('refuses an unsupported signature method', async () => {
    const signed = { ...signedQuery(oauthFor(t.adminKey), 'GET', WHOAMI_URL), oauth_signature_method: 'PLAINTEXT' };
    const response = await whoami().query(signed);
    expectAuthError(response.body, 'Invalid signature - signature method is invalid.');
  });

  it('names the missing OAuth parameters', async () => {
    const one = await whoami().query({ oauth_consumer_key: t.adminKey.consumerKey });
    expectAuthError(
      one.body,
      'Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature, oauth_signature_method',
      'woocommerce_rest_authentication_missing_parameter',
    );
    const { oauth_nonce: _nonce, ...withoutNonce } = signedQuery(oauthFor(t.adminKey), 'GET', WHOAMI_URL);
    const four = await whoami().query(withoutNonce);
    expectAuthError(
      four.body,
      'Missing OAuth parameter oauth_nonce',
      'woocommerce_rest_authentication_missing_parameter',
    );
  });

  it('reports a wrong Basic secret even when OAuth is not attempted, but lets OAuth errors replace it', async () => {
    const wrongBasic = basic(t.adminKey, 'cs_wrong');
    const basicOnly = await whoami().set('Authorization', wrongBasic);
    expectAuthError(basicOnly.body, 'Consumer secret is invalid.');
    const both = await whoami().set('Authorization', wrongBasic).query({ oauth_nonce: 'x' });
    expect(both.body.code).toBe('woocommerce_rest_authentication_missing_parameter');
    // WooCommerce keeps the Basic error even when OAuth then succeeds.
    const validOAuth = await whoami()
      .set('Authorization', wrongBasic)
      .query(signedQuery(oauthFor(t.adminKey), 'GET', WHOAMI_URL));
    expectAuthError(validOAuth.body, 'Consumer secret is invalid.');
  });

  it('gates methods for OAuth keys too', async () => {
    const readKey = await t.createKey(1, 'read');
    const signed = signedQuery(oauthFor(readKey), 'DELETE', WHOAMI_URL);
    const response = await t.http.delete('/wp-json/wc/v2/whoami').set('Host', HOST).query(signed);
    expectAuthError(response.body, 'The API key provided does not have write permissions.');
  });
});

describe('OAuth base URL from WC_HOST_HOME_URL', () => {
  it('signs against the home URL, with the scheme of the connection', async () => {
    const t = await startHost({ homeUrl: 'https://shop.example.com/store' });
    try {
      const good = signedQuery(oauthFor(t.adminKey), 'GET', 'http://shop.example.com/store/wp-json/wc/v2/whoami');
      expect((await t.http.get('/wp-json/wc/v2/whoami').query(good)).status).toBe(200);
      const fromHost = signedQuery(oauthFor(t.adminKey), 'GET', WHOAMI_URL);
      const refused = await t.http.get('/wp-json/wc/v2/whoami').set('Host', HOST).query(fromHost);
      expectAuthError(refused.body, 'Invalid signature - provided signature does not match.');
    } finally {
      await t.close();
    }
  });
});
