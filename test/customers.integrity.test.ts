import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import supertest from 'supertest';
import { createTestHost, type TestHost } from './helpers/testHost';
import { createTestDatabase } from './helpers/testDatabase';

jest.setTimeout(120_000);

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const auth = () => [t.adminKey.consumerKey, t.adminKey.consumerSecret] as const;
const create = (body: Record<string, unknown>) => t.http.post('/wp-json/wc/v2/customers').auth(...auth()).send(body);
const usersWithEmail = async (email: string) =>
  Number((await t.host.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t.host.db.table('users')} WHERE user_email = ?`, [email]))[0].n);

describe('integrity under concurrency', () => {
  it('lets exactly one of 20 parallel creates with the same email (in any letter case) succeed', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'Same.Person@Example.com' : 'same.person@example.com'));
    const responses = await Promise.all(emails.map((email, i) => create({ email, username: `same-person-${i}` })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['400 registration-error-email-exists']));
    expect(await usersWithEmail('same.person@example.com')).toBe(1);
  });

  it('lets exactly one of 20 parallel creates with the same username succeed', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => create({ email: `twin${i}@example.com`, username: 'twin' })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(new Set(['registration-error-username-exists']));
  });

  it('creates 30 different customers in parallel without a transaction collision', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => create({ email: `parallel${i}@example.com` })));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(30);
  });

  it('keeps answering reads while a batch hashes 50 passwords', async () => {
    const started = Date.now();
    const batch = t.http
      .post('/wp-json/wc/v2/customers/batch')
      .auth(...auth())
      .send({ create: Array.from({ length: 50 }, (_, i) => ({ email: `busy${i}@example.com`, password: `pw-${i}-secret` })) })
      .then((response) => ({ response, took: Date.now() - started }));
    const reads: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 5; i++) {
      const before = Date.now();
      await t.http.get('/wp-json/wc/v2/customers/1').auth(...auth()).expect(200);
      reads.push(Date.now() - before);
    }
    const { response, took } = await batch;
    expect(response.status).toBe(200);
    expect(response.body.create.filter((item: { id: number; error?: unknown }) => !item.error)).toHaveLength(50);
    // Bcrypt runs on the threadpool: the reads never wait for the batch to finish.
    expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(took / 3);
  });
});

describe('persistence and WordPress-written users', () => {
  it('serves the same customer after a restart on the same database', async () => {
    const database = await createTestDatabase();
    const logger = createLogger('silent');
    try {
      const first = await createHost({ databaseUrl: database.url, logger, pluginModules: [] });
      const key = await createApiKey(first.db, { userId: 1, permissions: 'read_write' });
      const created = await supertest(first.app)
        .post('/wp-json/wc/v3/customers')
        .auth(key.consumerKey, key.consumerSecret)
        .send({ email: 'durable@example.com', first_name: 'Dura', billing: { city: 'Lisbon' } })
        .expect(201);
      await first.close();
      const second = await createHost({ databaseUrl: database.url, logger, pluginModules: [] });
      try {
        const again = await supertest(second.app).get(`/wp-json/wc/v3/customers/${created.body.id}`).auth(key.consumerKey, key.consumerSecret).expect(200);
        expect(again.body).toEqual({ ...created.body, _links: again.body._links });
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('serves a user WordPress wrote: phpass hash, two roles, extra caps, no last_update, serialized meta', async () => {
    const { db } = t.host;
    const inserted = await db.execute(
      `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES (?, ?, ?, ?, '', ?, '', 0, ?)`,
      ['wpwriter', '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0', 'wpwriter', 'wp.writer@example.com', '2019-05-04 03:02:01', 'WP Writer'],
    );
    const id = inserted.insertId;
    const caps = 'a:3:{s:8:"customer";b:1;s:10:"subscriber";b:1;s:10:"edit_posts";b:1;}';
    for (const [key, value] of [
      ['first_name', 'Wendy'],
      [`${db.prefix}capabilities`, caps],
      [`${db.prefix}user_level`, '0'],
      ['billing_city', 'Ghent'],
      ['favourites', 'a:2:{i:0;s:3:"tea";i:1;s:6:"coffee";}'],
      ['nested', 's:14:"a:1:{i:0;i:1;}";'],
    ]) {
      await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [id, key, value]);
    }
    const response = await t.http.get(`/wp-json/wc/v2/customers/${id}`).auth(...auth()).expect(200);
    expect(response.body).toMatchObject({
      id,
      date_created: '2019-05-04T03:02:01',
      date_created_gmt: '2019-05-04T03:02:01',
      date_modified: null,
      date_modified_gmt: null,
      email: 'wp.writer@example.com',
      first_name: 'Wendy',
      role: 'customer',
      username: 'wpwriter',
      billing: expect.objectContaining({ city: 'Ghent' }),
    });
    expect(response.body.meta_data.map((m: { key: string; value: unknown }) => [m.key, m.value])).toEqual([
      ['favourites', ['tea', 'coffee']],
      ['nested', 'a:1:{i:0;i:1;}'],
    ]);
    const subscribers = await t.http.get('/wp-json/wc/v2/customers?role=subscriber').auth(...auth()).expect(200);
    expect(subscribers.body.map((c: { id: number }) => c.id)).toContain(id);

    await t.http.put(`/wp-json/wc/v2/customers/${id}`).auth(...auth()).send({ first_name: 'Wen' }).expect(200);
    const stored = await db.query<{ meta_key: string; meta_value: string }>(
      `SELECT meta_key, meta_value FROM ${db.table('usermeta')} WHERE user_id = ? AND meta_key IN (?, 'last_update') ORDER BY umeta_id`,
      [id, `${db.prefix}capabilities`],
    );
    expect(stored[0]).toEqual({ meta_key: `${db.prefix}capabilities`, meta_value: caps });
    expect(stored[1].meta_key).toBe('last_update');
    expect(Number(stored[1].meta_value)).toBeGreaterThan(Date.now() / 1000 - 60);
  });
});
