import { createHmac } from 'node:crypto';
import { wpInsertUserMetaRows } from './helpers/wordPressUserMeta';
import { compare as bcryptCompare } from 'bcrypt';
import supertest from 'supertest';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import { RestError } from '../src/rest/RestError';
import { createTestHost, type TestHost } from './helpers/testHost';
import { createTestDatabase } from './helpers/testDatabase';
import {
  EMPTY_BILLING,
  EMPTY_SHIPPING,
  REST_ROOT,
  V2,
  as,
  createCustomer,
  gravatar,
  metaRows,
  userRow,
} from './helpers/customers';

/**
 * What must hold whatever happens around a write: one winner among racing creates, no half-written customer after a
 * failure, reads served while passwords hash, data that outlives the process, users WordPress wrote served and kept
 * WordPress-shaped, and rows written the way WordPress writes them.
 */

jest.setTimeout(60_000);

let t: TestHost;

beforeAll(async () => {
  // The racing bursts below test the write lock, not load shedding, which a lagging event loop on a loaded machine
  // may rightly apply to them (its own tests: test/server.loadShedding.test.ts).
  t = await createTestHost({ loadShedding: { maxEventLoopDelayMs: 0 } });
});

afterAll(async () => {
  await t.close();
});

afterEach(() => {
  for (const hook of ['woocommerce_created_customer', 'woocommerce_new_customer'] as const)
    t.host.hooks.removeAllActions(hook, 'test/integrity');
});

const post = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers`), t.adminKey).send(body);

async function countRows(table: 'users' | 'usermeta', where = '1 = 1', params: unknown[] = []): Promise<number> {
  const { db } = t.host;
  return Number(
    (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table(table)} WHERE ${where}`, params))[0].n,
  );
}

describe('racing creates', () => {
  it('20 parallel creates with the same email (in any letter case): one 201, the others registration-error-email-exists, one row', async () => {
    const emails = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? 'Same.Person@Example.com' : 'same.person@example.com',
    );
    const responses = await Promise.all(
      emails.map((email, i) => post({ email, username: `same-person-${i}`, password: 'race-pass' })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(
      new Set(['400 registration-error-email-exists']),
    );
    expect(await countRows('users', 'LOWER(user_email) = ?', ['same.person@example.com'])).toBe(1);
    expect(await countRows('users', "user_login LIKE 'same-person-%'")).toBe(1);
  });

  it('20 parallel creates with the same username: one 201, the others registration-error-username-exists, one row', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post({ email: `twin${i}@example.com`, username: 'twin', password: 'race-pass' }),
      ),
    );
    const winners = responses.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(
      new Set(['400 registration-error-username-exists']),
    );
    expect(await countRows('users', 'user_login = ?', ['twin'])).toBe(1);
    expect(await countRows('users', "user_email LIKE 'twin%@example.com'")).toBe(1);
    // The loser's meta never got written either.
    expect(await countRows('usermeta', "meta_key = 'nickname' AND meta_value = 'twin'")).toBe(1);
  });

  it('30 parallel creates of different customers all succeed, each with its own complete rows', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post({ email: `parallel${i}@example.com`, billing: { city: `City ${i}` } })),
    );
    expect(responses.map((r) => `${r.status} ${r.body.code ?? ''}`)).toEqual(Array(30).fill('201 '));
    const ids = responses.map((r) => r.body.id as number);
    expect(new Set(ids).size).toBe(30);
    for (const [i, id] of ids.entries()) {
      expect((await metaRows(t, id)).filter(([key]) => key === 'billing_city' || key === 'wp_capabilities')).toEqual([
        ['wp_capabilities', 'a:1:{s:8:"customer";b:1;}'],
        ['billing_city', `City ${i}`],
      ]);
    }
  });
});

describe('a failure after the user row was inserted leaves nothing behind', () => {
  it('a RestError from woocommerce_created_customer: that error, no user row, no meta', async () => {
    t.host.hooks.addAction('woocommerce_created_customer', 'test/integrity', () => {
      throw new RestError('acme_crm_down', 'CRM unavailable.', 503);
    });
    const [users, meta] = [await countRows('users'), await countRows('usermeta')];
    const response = await post({
      email: 'midway@example.com',
      first_name: 'Mid',
      billing: { city: 'Porto' },
      meta_data: [{ key: 'k', value: 'v' }],
    });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 503,
      body: { code: 'acme_crm_down', message: 'CRM unavailable.', data: { status: 503 } },
    });
    expect([await countRows('users'), await countRows('usermeta')]).toEqual([users, meta]);
    expect(await countRows('users', 'user_email = ?', ['midway@example.com'])).toBe(0);
  });

  it('an unexpected error (a bug in a plugin) from woocommerce_created_customer: 500, no user row, no meta', async () => {
    t.host.hooks.addAction('woocommerce_created_customer', 'test/integrity', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'send')");
    });
    const [users, meta] = [await countRows('users'), await countRows('usermeta')];
    const response = await post({ email: 'crash@example.com', password: 'crash-pass' });
    expect(response.status).toBe(500);
    expect([await countRows('users'), await countRows('usermeta')]).toEqual([users, meta]);
  });

  it('in a batch, the failing item is reported and leaves no rows; the others are created', async () => {
    t.host.hooks.addAction(
      'woocommerce_created_customer',
      'test/integrity',
      (_id: number, data: { user_email: string }) => {
        if (data.user_email === 'batch.fails@example.com') throw new RestError('acme_refused', 'Refused.', 400);
      },
    );
    const response = await as(t.http.post(`${V2}/customers/batch`), t.adminKey)
      .send({
        create: ['batch.ok1@example.com', 'batch.fails@example.com', 'batch.ok2@example.com'].map((email) => ({
          email,
          password: 'pw-batch',
        })),
      })
      .expect(200);
    expect(
      response.body.create.map((item: { id: number; error?: { code: string } }) => item.error?.code ?? 'created'),
    ).toEqual(['created', 'acme_refused', 'created']);
    expect(await countRows('users', "user_email LIKE 'batch.%@example.com'")).toBe(2);
    expect(await countRows('usermeta', "meta_key = 'nickname' AND meta_value = 'batch.fails'")).toBe(0);
  });
});

describe('hashing passwords does not hold up other requests', () => {
  it('a GET answers while a 100-item batch create runs, long before the batch ends', async () => {
    let batchStarted!: () => void;
    const firstCreate = new Promise<void>((resolve) => (batchStarted = resolve));
    t.host.hooks.addAction('woocommerce_new_customer', 'test/integrity', () => batchStarted());

    const batchStart = Date.now();
    const batch = as(t.http.post(`${V2}/customers/batch`), t.adminKey)
      .send({
        create: Array.from({ length: 100 }, (_, i) => ({ email: `busy${i}@example.com`, password: `pw-${i}-secret` })),
      })
      .then((response) => ({ response, end: Date.now() }));
    await firstCreate;
    const getStart = Date.now();
    const read = await as(t.http.get(`${V2}/customers/1`), t.adminKey);
    const getEnd = Date.now();
    const { response, end: batchEnd } = await batch;

    expect(read.status).toBe(200);
    expect(read.body.username).toBe('admin');
    expect(response.status).toBe(200);
    expect(response.body.create.filter((item: { error?: unknown }) => item.error === undefined)).toHaveLength(100);
    const batchTook = batchEnd - batchStart;
    expect(getEnd).toBeLessThan(batchEnd);
    // bcrypt runs on the libuv threadpool and reads need no write lock: the GET does not queue behind the hashing.
    expect(getEnd - getStart).toBeLessThan(batchTook / 4);
  });
});

describe('persistence', () => {
  it('customers survive a restart on the same database', async () => {
    const database = await createTestDatabase();
    const logger = createLogger('silent');
    try {
      const first = await createHost({ databaseUrl: database.url, logger, pluginModules: [] });
      const key = await createApiKey(first.db, { userId: 1, permissions: 'read_write' });
      const created = [];
      for (const body of [
        {
          email: 'durable.one@example.com',
          first_name: 'Dura',
          billing: { city: 'Lisbon' },
          meta_data: [{ key: 'tier', value: { level: 2 } }],
        },
        { email: 'durable.two@example.com', username: 'durable2', password: 'Durable-Pass-2' },
      ]) {
        created.push(
          (
            await as(supertest(first.app).post(`${V2}/customers`), key)
              .send(body)
              .expect(201)
          ).body,
        );
      }
      await first.close();

      const second = await createHost({ databaseUrl: database.url, logger, pluginModules: [] });
      try {
        for (const customer of created) {
          const again = await as(supertest(second.app).get(`${V2}/customers/${customer.id}`), key).expect(200);
          expect(again.body).toEqual(customer);
        }
        const list = await as(supertest(second.app).get(`${V2}/customers?role=all&orderby=id`), key).expect(200);
        // Not seeded twice: one administrator, then the two customers.
        expect(list.body.map((customer: { username: string }) => customer.username)).toEqual([
          'admin',
          'durable.one',
          'durable2',
        ]);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('users WordPress wrote', () => {
  const CAPS = 'a:3:{s:8:"customer";b:1;s:10:"subscriber";b:1;s:10:"edit_posts";b:1;}';
  const PHPASS = '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0';
  let id: number;

  beforeAll(async () => {
    const { db } = t.host;
    const inserted = await db.execute(
      `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['wp.writer', PHPASS, 'wp-writer', 'Wp.Writer@Example.com', '', '2019-05-04 03:02:01', '', 0, 'Wendy Writer'],
    );
    id = inserted.insertId;
    // wp_insert_user's rows (WordPress 6.5), then what WooCommerce and the site added over time — no last_update.
    const rows: Array<[string, string]> = [
      ...wpInsertUserMetaRows('wp.writer', 'Wendy', 'Writer'),
      ['wp_capabilities', CAPS],
      ['wp_user_level', '0'],
      ['billing_first_name', 'Wendy'],
      ['billing_city', 'Ghent'],
      ['billing_country', 'BE'],
      ['shipping_city', 'Bruges'],
      ['paying_customer', '1'],
      ['favourites', 'a:2:{i:0;s:3:"tea";i:1;s:6:"coffee";}'],
      ['sizes', 'a:2:{s:5:"shirt";s:1:"M";s:5:"shoes";i:42;}'],
      ['nested', 's:14:"a:1:{i:0;i:1;}";'],
      ['session_tokens', 'a:0:{}'],
      ['wc_last_active', '1700000000'],
      ['_woocommerce_persistent_cart_1', 'a:1:{s:4:"cart";a:0:{}}'],
    ];
    for (const [key, value] of rows) {
      await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
        id,
        key,
        value,
      ]);
    }
  });

  it('are served field by field: first role, null date_modified, unserialized meta_data, internal keys hidden', async () => {
    const response = await as(t.http.get(`${V2}/customers/${id}`), t.adminKey).expect(200);
    const metaId = async (key: string) => {
      const [row] = await t.host.db.query<{ umeta_id: number }>(
        `SELECT umeta_id FROM ${t.host.db.table('usermeta')} WHERE user_id = ? AND meta_key = ?`,
        [id, key],
      );
      return Number(row.umeta_id);
    };
    expect(response.body).toEqual({
      id,
      date_created: '2019-05-04T03:02:01',
      date_created_gmt: '2019-05-04T03:02:01',
      date_modified: null,
      date_modified_gmt: null,
      email: 'Wp.Writer@Example.com',
      first_name: 'Wendy',
      last_name: 'Writer',
      role: 'customer',
      username: 'wp.writer',
      billing: { ...EMPTY_BILLING, first_name: 'Wendy', city: 'Ghent', country: 'BE' },
      shipping: { ...EMPTY_SHIPPING, city: 'Bruges' },
      is_paying_customer: true,
      avatar_url: gravatar('Wp.Writer@Example.com'),
      meta_data: [
        { id: await metaId('favourites'), key: 'favourites', value: ['tea', 'coffee'] },
        { id: await metaId('sizes'), key: 'sizes', value: { shirt: 'M', shoes: 42 } },
        // Serialized twice by WordPress: unserialized once, it is a string.
        { id: await metaId('nested'), key: 'nested', value: 'a:1:{i:0;i:1;}' },
        // Not on WooCommerce's internal list, so it shows
        // (docs/wordpress-storage-and-auth.md#what-meta_data-leaves-out).
        { id: await metaId('wc_last_active'), key: 'wc_last_active', value: '1700000000' },
      ],
      orders_count: 0,
      total_spent: '0.00',
      _links: {
        self: [{ href: `${REST_ROOT}/wc/v2/customers/${id}` }],
        collection: [{ href: `${REST_ROOT}/wc/v2/customers` }],
      },
    });
  });

  it('are listed under each of their roles', async () => {
    for (const role of ['customer', 'subscriber', 'all']) {
      const list = await as(t.http.get(`${V2}/customers?role=${role}&include=${id}`), t.adminKey).expect(200);
      expect(list.body.map((customer: { id: number }) => customer.id)).toEqual([id]);
    }
    const admins = await as(t.http.get(`${V2}/customers?role=administrator&include=${id}`), t.adminKey).expect(200);
    expect(admins.body).toEqual([]);
  });

  it('an update keeps their rows WordPress-shaped: caps and hash untouched, values changed in place, last_update added', async () => {
    const before = await t.host.db.query<{ umeta_id: number; meta_key: string; meta_value: string }>(
      `SELECT umeta_id, meta_key, meta_value FROM ${t.host.db.table('usermeta')} WHERE user_id = ? ORDER BY umeta_id`,
      [id],
    );
    const startedAt = Math.floor(Date.now() / 1000);
    const response = await as(t.http.put(`${V2}/customers/${id}`), t.adminKey)
      .send({ first_name: 'Wen', billing: { city: 'Antwerp' } })
      .expect(200);
    expect(response.body).toMatchObject({
      first_name: 'Wen',
      role: 'customer',
      billing: { city: 'Antwerp', country: 'BE' },
    });
    expect(response.body.date_modified_gmt).not.toBeNull();

    const after = await t.host.db.query<{ umeta_id: number; meta_key: string; meta_value: string }>(
      `SELECT umeta_id, meta_key, meta_value FROM ${t.host.db.table('usermeta')} WHERE user_id = ? ORDER BY umeta_id`,
      [id],
    );
    const changed: Record<string, string> = { first_name: 'Wen', billing_city: 'Antwerp' };
    // Every existing row keeps its id and position; only the two changed values differ.
    expect(after.slice(0, before.length)).toEqual(
      before.map((row) => ({ ...row, meta_value: changed[row.meta_key] ?? row.meta_value })),
    );
    const added = after.slice(before.length);
    expect(added.map((row) => row.meta_key)).toEqual(['last_update']);
    expect(Number(added[0].meta_value)).toBeGreaterThanOrEqual(startedAt);
    expect(after.find((row) => row.meta_key === 'wp_capabilities')?.meta_value).toBe(CAPS);
    expect(await userRow(t, id)).toEqual({
      ID: id,
      user_login: 'wp.writer',
      user_pass: PHPASS,
      user_nicename: 'wp-writer',
      user_email: 'Wp.Writer@Example.com',
      user_url: '',
      user_registered: '2019-05-04 03:02:01',
      user_activation_key: '',
      user_status: 0,
      display_name: 'Wendy Writer',
    });
  });
});

describe('rows written by a create', () => {
  it('without names: the address keys before last_update (no name row is updated), then meta_data in request order, serialized as PHP', async () => {
    const customer = await createCustomer(t, {
      email: 'no.names@example.com',
      password: 'No-Names-1',
      billing: { phone: '123', city: 'Braga' },
      shipping: { country: 'PT' },
      meta_data: [
        { key: 'vat', value: 'PT123' },
        { key: 'prefs', value: { news: true, tags: ['a', 'b'] } },
        { key: 'list', value: [3, 1.5] },
        { key: 'flag', value: true },
        { key: 'off', value: false },
        { key: 'count', value: 5 },
        { key: 'looks_serialized', value: 'a:0:{}' },
      ],
    });
    const rows = await metaRows(t, customer.id);
    const lastUpdate = rows.find(([key]) => key === 'last_update')?.[1];
    expect(lastUpdate).toMatch(/^\d{10}$/);
    expect(rows).toEqual([
      ...wpInsertUserMetaRows('no.names'),
      ['wp_capabilities', 'a:1:{s:8:"customer";b:1;}'],
      ['wp_user_level', '0'],
      ['billing_city', 'Braga'],
      ['billing_phone', '123'],
      ['shipping_country', 'PT'],
      ['last_update', lastUpdate],
      ['vat', 'PT123'],
      ['prefs', 'a:2:{s:4:"news";b:1;s:4:"tags";a:2:{i:0;s:1:"a";i:1;s:1:"b";}}'],
      ['list', 'a:2:{i:0;i:3;i:1;d:1.5;}'],
      ['flag', '1'],
      ['off', ''],
      ['count', '5'],
      // maybe_serialize serializes a string that already looks serialized, so it reads back as that string.
      ['looks_serialized', 's:6:"a:0:{}";'],
    ]);
    expect(customer.meta_data.find((meta: { key: string }) => meta.key === 'looks_serialized').value).toBe('a:0:{}');
  });

  it('the password hash: $wp$2y$10$ over base64(HMAC-SHA384("wp-sha384", trim(password))), checked with bcrypt directly', async () => {
    const customer = await createCustomer(t, { email: 'hash.check@example.com', password: '  padded Secret €  ' });
    const hash = (await userRow(t, customer.id))!.user_pass;
    expect(hash).toMatch(/^\$wp\$2y\$10\$[./A-Za-z0-9]{53}$/);
    const prehash = (password: string) => createHmac('sha384', 'wp-sha384').update(password, 'utf8').digest('base64');
    const bcryptHash = hash.slice(3).replace(/^\$2y\$/, '$2b$');
    expect(await bcryptCompare(prehash('padded Secret €'), bcryptHash)).toBe(true);
    expect(await bcryptCompare(prehash('  padded Secret €  '), bcryptHash)).toBe(false);
  });

  it('nicenames: logins that slug alike get -2, -3; a long base is cut so the suffix fits in 50 characters', async () => {
    const nicenameOf = async (body: Record<string, unknown>) =>
      (await userRow(t, (await createCustomer(t, { password: 'pw-nice', ...body })).id))!.user_nicename;
    expect(await nicenameOf({ email: 'nice1@example.com', username: 'Mary Ann' })).toBe('mary-ann');
    expect(await nicenameOf({ email: 'nice2@example.com', username: 'mary.ann' })).toBe('mary-ann-2');
    expect(await nicenameOf({ email: 'nice3@example.com', username: 'mary-ann' })).toBe('mary-ann-3');
    expect(await nicenameOf({ email: 'nice4@example.com', username: 'ann@example.com' })).toBe('annexample-com');
    const long = 'x'.repeat(50);
    expect(await nicenameOf({ email: 'nice5@example.com', username: `${long}one` })).toBe(long);
    const suffixed = await nicenameOf({ email: 'nice6@example.com', username: `${long}two` });
    expect(suffixed).toBe(`${'x'.repeat(48)}-2`);
  });
});
