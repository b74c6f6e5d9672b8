import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import supertest from 'supertest';
import { revokeApiKey } from '../src/auth/apiKeys';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { OPTIONS_CACHE_TTL_MS } from '../src/host/options';
import type { Host } from '../src/host/types';
import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';

/**
 * Two hosts on one database, as two processes or machines are (on this file's database, SQLite or MariaDB): what
 * one changes, the other serves at once — customers, lists, keys, nonces, last_access — except options, which each
 * host reuses for at most OPTIONS_CACHE_TTL_MS (README.md, "Running on more than one process").
 */

jest.setTimeout(60_000);

const CUSTOMERS = '/wp-json/wc/v3/customers';
let a: TestHost;
let b: Host;
let http: { a: ReturnType<typeof supertest>; b: ReturnType<typeof supertest> };

beforeAll(async () => {
  a = await createTestHost();
  b = await createHost({
    databaseUrl: a.databaseUrl,
    logger: createLogger('silent'),
    pluginModules: [],
    homeUrl: null,
    trustProxy: false,
    strictAuth: false,
  });
  http = { a: a.http, b: supertest(b.app) };
});

afterAll(async () => {
  await b.close();
  await a.close();
});

const basic = (key: TestKey) => `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
const get = (host: 'a' | 'b', path: string, key: TestKey = a.adminKey) =>
  http[host].get(path).set('Authorization', basic(key));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it(`an option changed through one host is served by the other within ${OPTIONS_CACHE_TTL_MS} ms, never later`, async () => {
  expect((await http.b.get('/wp-json/')).body.name).toBe('wc-host');
  // B now has blogname cached; A changes it.
  await a.host.options.update('blogname', 'Renamed Shop');
  const changed = Date.now();
  let seenAfter = -1;
  while (Date.now() - changed < OPTIONS_CACHE_TTL_MS + 2000) {
    if ((await http.b.get('/wp-json/')).body.name === 'Renamed Shop') {
      seenAfter = Date.now() - changed;
      break;
    }
    await sleep(50);
  }
  expect(seenAfter).toBeGreaterThanOrEqual(0);
  // The request that saw it started before the bound (a request takes a few ms; allow a busy machine 250).
  expect(seenAfter).toBeLessThanOrEqual(OPTIONS_CACHE_TTL_MS + 250);
});

it('a customer changed or created through one host is served by the other at once, one by one and in lists', async () => {
  const created = await a.http
    .post(CUSTOMERS)
    .set('Authorization', basic(a.adminKey))
    .send({ email: 'shared@example.com', first_name: 'Before' });
  expect(created.status).toBe(201);
  const id = Number(created.body.id);
  // B warms every cache it has: the prepared items of a list asked for twice, the lookup's pages, totals and searches.
  for (let round = 0; round < 2; round++) {
    expect((await get('b', `${CUSTOMERS}/${id}`)).body.first_name).toBe('Before');
    expect(
      (await get('b', `${CUSTOMERS}?search=shared`)).body.map((c: { first_name: string }) => c.first_name),
    ).toEqual(['Before']);
    expect((await get('b', CUSTOMERS)).headers['x-wp-total']).toBe('1');
  }

  expect(
    (await a.http.put(`${CUSTOMERS}/${id}`).set('Authorization', basic(a.adminKey)).send({ first_name: 'After' }))
      .status,
  ).toBe(200);
  expect((await get('b', `${CUSTOMERS}/${id}`)).body.first_name).toBe('After');
  expect((await get('b', `${CUSTOMERS}?search=shared`)).body.map((c: { first_name: string }) => c.first_name)).toEqual([
    'After',
  ]);

  expect(
    (await a.http.post(CUSTOMERS).set('Authorization', basic(a.adminKey)).send({ email: 'shared.two@example.com' }))
      .status,
  ).toBe(201);
  const listed = await get('b', CUSTOMERS);
  expect(listed.headers['x-wp-total']).toBe('2');
  expect((await get('b', `${CUSTOMERS}?search=shared`)).body).toHaveLength(2);

  expect((await a.http.delete(`${CUSTOMERS}/${id}?force=true`).set('Authorization', basic(a.adminKey))).status).toBe(
    200,
  );
  expect((await get('b', `${CUSTOMERS}/${id}`)).status).toBe(404);
  expect((await get('b', CUSTOMERS)).headers['x-wp-total']).toBe('1');
});

it('a key revoked through one host is refused by the other at once', async () => {
  const key = await a.createKey(1, 'read');
  expect((await get('b', CUSTOMERS, key)).status).toBe(200);
  expect(await revokeApiKey(a.host.db, key.keyId)).toBe(true);
  expect((await get('b', CUSTOMERS, key)).status).toBe(401);
});

it('an OAuth nonce used through one host is refused by the other', async () => {
  const oauth = new OAuth({
    consumer: { key: a.adminKey.consumerKey, secret: a.adminKey.consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, signingKey) => createHmac('sha256', signingKey).update(base).digest('base64'),
  });
  const signed = Object.fromEntries(
    Object.entries(oauth.authorize({ url: `http://shop.test${CUSTOMERS}`, method: 'GET' })).map(([name, value]) => [
      name,
      String(value),
    ]),
  );
  expect((await http.a.get(CUSTOMERS).set('Host', 'shop.test').query(signed)).status).toBe(200);
  const replay = await http.b.get(CUSTOMERS).set('Host', 'shop.test').query(signed);
  expect([replay.status, replay.body.message]).toEqual([401, 'Invalid nonce - nonce has already been used.']);
});

it('last_access is one value in the database: written once a minute whichever host the key comes through', async () => {
  const key = await a.createKey(1, 'read');
  const lastAccess = async () =>
    (
      await a.host.db.query<{ last_access: string | null }>(
        `SELECT last_access FROM ${a.host.db.table('woocommerce_api_keys')} WHERE key_id = ?`,
        [key.keyId],
      )
    )[0].last_access;
  expect(await lastAccess()).toBeNull();
  expect((await get('a', CUSTOMERS, key)).status).toBe(200);
  const written = await lastAccess();
  expect(written).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  // Through B within the minute: B reads A's value and leaves it; a value older than a minute B rewrites.
  expect((await get('b', CUSTOMERS, key)).status).toBe(200);
  expect(await lastAccess()).toBe(written);
  await a.host.db.execute(`UPDATE ${a.host.db.table('woocommerce_api_keys')} SET last_access = ? WHERE key_id = ?`, [
    '2000-01-01 00:00:00',
    key.keyId,
  ]);
  expect((await get('b', CUSTOMERS, key)).status).toBe(200);
  const rewritten = await lastAccess();
  expect(rewritten).not.toBe('2000-01-01 00:00:00');
  expect((await get('b', CUSTOMERS, key)).status).toBe(200);
  expect(await lastAccess()).toBe(rewritten);
});
