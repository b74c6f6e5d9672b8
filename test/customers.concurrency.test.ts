import supertest from 'supertest';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import { createTestDatabase } from './helpers/testDatabase';
import { createTestHost, type TestHost } from './helpers/testHost';
import { JOHN_DOE, REFERENCE_HOST, V2, as, metaRows, metaValues, userRow } from './helpers/customers';

/**
 * Behaviour under load and across processes: uniqueness holds among parallel creates, hashing stays off the event
 * loop, data outlives the host, and users written by WordPress itself are served and edited without damage.
 */

jest.setTimeout(120_000);

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const post = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers`), t.adminKey).send(body);

async function usersWithEmail(email: string): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table('users')} WHERE LOWER(user_email) = LOWER(?)`, [email]);
  return Number(row.n);
}

async function usersWithLogin(login: string): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table('users')} WHERE LOWER(user_login) = LOWER(?)`, [login]);
  return Number(row.n);
}

async function userCount(): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table('users')}`);
  return Number(row.n);
}

describe('(a) uniqueness among parallel creates', () => {
  it('20 parallel creates with one email (in several letter cases) → one 201, the rest registration-error-email-exists', async () => {
    const variants = ['race.person@example.com', 'Race.Person@Example.com', 'RACE.PERSON@EXAMPLE.COM', 'race.PERSON@example.COM'];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ email: variants[i % variants.length], username: `race_person_${i}`, password: 'secret-pass' })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('registration-error-email-exists');
      expect(response.body.data).toEqual({ status: 400 });
    }
    expect(await usersWithEmail('race.person@example.com')).toBe(1);
    // The losers left no user row under their own usernames either.
    const winner = responses.find((r) => r.status === 201)!;
    for (let i = 0; i < 20; i++) {
      const login = `race_person_${i}`;
      expect(await usersWithLogin(login)).toBe(winner.body.username === login ? 1 : 0);
    }
  });

  it('20 parallel creates with one username (different emails) → one 201, the rest registration-error-username-exists', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ email: `twin.login${i}@example.com`, username: 'twin_login', password: 'secret-pass' })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('registration-error-username-exists');
    }
    expect(await usersWithLogin('twin_login')).toBe(1);
    const winner = responses.find((r) => r.status === 201)!;
    for (let i = 0; i < 20; i++) {
      const email = `twin.login${i}@example.com`;
      expect(await usersWithEmail(email)).toBe(winner.body.email === email ? 1 : 0);
    }
  });
});

describe('(b) parallel creates of different customers', () => {
  it('30 parallel creates → all 201, 30 new rows, no 500', async () => {
    const before = await userCount();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post({ email: `crowd${i}@example.com`, username: `crowd${i}`, password: 'secret-pass' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(30);
    expect(await userCount()).toBe(before + 30);
    for (let i = 0; i < 30; i++) expect(await usersWithEmail(`crowd${i}@example.com`)).toBe(1);
  });
});

describe('(c) hashing does not block the event loop', () => {
  it('5 sequential GETs during a 50-item batch take under a third of the batch', async () => {
    const before = await userCount();
    // Event-loop ticks, to find stalls afterwards.
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(performance.now()), 2);
    ticker.unref();
    const started = Date.now();
    let batchEnded = 0;
    const batch = as(t.http.post(`${V2}/customers/batch`), t.adminKey)
      .send({ create: Array.from({ length: 50 }, (_, i) => ({ email: `busy${i}@example.com`, password: `busy-${i}-secret` })) })
      .then((response) => {
        batchEnded = Date.now();
        return response;
      });

    // Wait until the batch is writing (its first row exists), so the reads overlap it.
    while ((await userCount()) === before && batchEnded === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const readsStarted = Date.now();
    for (let i = 0; i < 5; i++) {
      const response = await as(t.http.get(`${V2}/customers/1`), t.adminKey);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(1);
    }
    const readsTook = Date.now() - readsStarted;
    const readsEnded = Date.now();

    const response = await batch;
    clearInterval(ticker);
    const batchTook = batchEnded - started;
    expect(response.status).toBe(200);
    expect(response.body.create).toHaveLength(50);
    expect(response.body.create.every((item: { id?: number }) => typeof item.id === 'number' && item.id > 0)).toBe(true);
    expect(await userCount()).toBe(before + 50);
    // The reads were answered while the batch was still running, and quickly relative to it.
    expect(readsEnded).toBeLessThanOrEqual(batchEnded);
    expect(readsTook).toBeLessThan(batchTook / 3);
    // A synchronous hash would stall the loop for most of an item's time once per item; allow a few stalls (GC, load).
    const perItem = batchTook / 50;
    const stalls = ticks.slice(1).filter((tick, i) => tick - ticks[i] > perItem * 0.6).length;
    expect(stalls).toBeLessThan(10);
  });
});

describe('(d) data survives a restart', () => {
  it('a customer created through one host is served identically by the next', async () => {
    const db = await createTestDatabase();
    try {
      const first = await createHost({ databaseUrl: db.url, logger: createLogger('silent') });
      let key: { consumerKey: string; consumerSecret: string };
      let created: Record<string, unknown>;
      let firstGet: Record<string, unknown>;
      try {
        key = await createApiKey(first.db, { userId: 1, permissions: 'read_write' });
        const response = await supertest(first.app)
          .post(`${V2}/customers`)
          .set('Host', REFERENCE_HOST).auth(key.consumerKey, key.consumerSecret)
          .send({ ...JOHN_DOE, meta_data: [{ key: 'loyalty', value: { level: 'gold', points: 12 } }] });
        expect(response.status).toBe(201);
        created = response.body;
        const get = await supertest(first.app).get(`${V2}/customers/${created.id}`).set('Host', REFERENCE_HOST).auth(key.consumerKey, key.consumerSecret);
        expect(get.status).toBe(200);
        firstGet = get.body;
      } finally {
        await first.close();
      }

      const second = await createHost({ databaseUrl: db.url, logger: createLogger('silent') });
      try {
        const response = await supertest(second.app).get(`${V2}/customers/${created.id}`).set('Host', REFERENCE_HOST).auth(key.consumerKey, key.consumerSecret);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(firstGet);
        for (const field of ['id', 'email', 'username', 'first_name', 'last_name', 'role', 'billing', 'shipping', 'date_created', 'date_created_gmt', 'meta_data']) {
          expect({ field, value: response.body[field] }).toEqual({ field, value: created[field] });
        }
        expect(response.body.meta_data).toEqual([{ id: expect.any(Number), key: 'loyalty', value: { level: 'gold', points: 12 } }]);
      } finally {
        await second.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('(e) a user written by WordPress itself', () => {
  const CAPS = 'a:2:{s:8:"customer";b:1;s:10:"subscriber";b:1;}';
  const CAPS_EXTRA = 'a:3:{s:8:"customer";b:1;s:10:"subscriber";b:1;s:10:"edit_posts";b:1;}';
  const FAVOURITES = 'a:2:{i:0;s:3:"tea";i:1;s:6:"coffee";}';
  const ids: number[] = [];

  async function insertWordPressUser(login: string, caps: string): Promise<number> {
    const { db } = t.host;
    const inserted = await db.execute(
      `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [login, '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0', login, `${login}@example.com`, '', '2023-05-06 07:08:09', '', 0, login],
    );
    const id = inserted.insertId;
    const meta: Array<[string, string]> = [
      ['nickname', login],
      ['first_name', 'Word'],
      ['last_name', 'Press'],
      ['rich_editing', 'true'],
      [`${db.prefix}capabilities`, caps],
      [`${db.prefix}user_level`, '0'],
      ['billing_city', 'Leeds'],
      ['favourites', FAVOURITES],
    ];
    for (const [key, value] of meta) {
      await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [id, key, value]);
    }
    return id;
  }

  beforeAll(async () => {
    ids.push(await insertWordPressUser('wp_written_plain', CAPS));
    ids.push(await insertWordPressUser('wp_written_extra', CAPS_EXTRA));
  });

  it('is served: role customer, date_modified null, the serialized meta unserialized', async () => {
    for (const id of ids) {
      const response = await as(t.http.get(`${V2}/customers/${id}`), t.adminKey);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(id);
      expect(response.body.role).toBe('customer');
      expect(response.body.date_created).toBe('2023-05-06T07:08:09');
      expect(response.body.date_modified).toBeNull();
      expect(response.body.date_modified_gmt).toBeNull();
      expect(response.body.first_name).toBe('Word');
      expect(response.body.billing.city).toBe('Leeds');
      expect(response.body.meta_data).toContainEqual({ id: expect.any(Number), key: 'favourites', value: ['tea', 'coffee'] });
    }
  });

  it('is listed with role=subscriber (and with role=customer)', async () => {
    for (const role of ['subscriber', 'customer']) {
      const response = await as(t.http.get(`${V2}/customers?role=${role}&per_page=100`), t.adminKey);
      expect(response.status).toBe(200);
      const listed = response.body.map((c: { id: number }) => c.id);
      for (const id of ids) expect(listed).toContain(id);
    }
    const admins = await as(t.http.get(`${V2}/customers?role=administrator&per_page=100`), t.adminKey);
    expect(admins.body.map((c: { id: number }) => c.id)).not.toContain(ids[0]);
  });

  it('a PUT of first_name keeps the capabilities row byte-identical and adds last_update', async () => {
    const { db } = t.host;
    const caps = [CAPS, CAPS_EXTRA];
    for (const [index, id] of ids.entries()) {
      const before = await metaRows(t, id);
      const userBefore = await userRow(t, id);
      expect(await metaValues(t, id, 'last_update')).toEqual([]);
      const response = await as(t.http.put(`${V2}/customers/${id}`), t.adminKey).send({ first_name: 'Changed' });
      expect(response.status).toBe(200);
      expect(response.body.first_name).toBe('Changed');
      expect(response.body.role).toBe('customer');
      expect(response.body.date_modified).not.toBeNull();

      expect(await metaValues(t, id, `${db.prefix}capabilities`)).toEqual([caps[index]]);
      expect(await metaValues(t, id, 'favourites')).toEqual([FAVOURITES]);
      expect(await metaValues(t, id, 'first_name')).toEqual(['Changed']);
      const lastUpdate = await metaValues(t, id, 'last_update');
      expect(lastUpdate).toHaveLength(1);
      expect(lastUpdate[0]).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(lastUpdate[0]) - Date.now() / 1000)).toBeLessThan(120);
      // The rows before are all still there, in place (only first_name changed value).
      const after = await metaRows(t, id);
      expect(after.filter(([key]) => key !== 'last_update' && key !== 'first_name')).toEqual(before.filter(([key]) => key !== 'first_name'));
      // The user row (and its old phpass hash) is untouched.
      expect(await userRow(t, id)).toEqual(userBefore);
    }
  });
});
