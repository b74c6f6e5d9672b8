import { migrate } from '../src/db/migrate';
import type { Db } from '../src/db/types';
import supertest from 'supertest';
import { createApiKey } from '../src/auth/apiKeys';
import { createHost } from '../src/host/createHost';
import type { Logger } from '../src/host/types';
import { CustomerLookup } from '../plugins/customers/lookup/customerLookup';
import { parseUserQuery } from '../plugins/customers/store/userQuery/parseUserQuery';
import { plainUserQuery } from '../plugins/customers/store/userQuery/plainUserQuery';
import { readSchemaCatalog } from '../plugins/customers/lookup/schemaObjects';
import { LOOKUP_TABLES } from '../plugins/customers/lookup/lookupTables';
import { CustomersModule } from '../plugins/customers/module';
import { createTestHost, type TestHost } from './helpers/testHost';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import { boundValues } from './helpers/boundValues';

/**
 * The customers lookup as operators and other writers meet it: installed by itself on a database wc-host created,
 * exact on the very next request after rows are written straight into WordPress's tables (users, meta, orders in
 * both storages), reusing list items only while nothing changed, catching up on a bulk import in the background,
 * and on an existing WordPress database added and removed only by `db index`, leaving no trace.
 */

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const V3 = '/wp-json/wc/v3/customers';

let t: TestHost;
let db: Db;
let lookup: CustomerLookup;

// One Host for every request (supertest listens on a new port each time, and links carry the host).
const list = async (query: string) => {
  const response = await t.http
    .get(`${V3}?${query}`)
    .set('Host', 'shop.test')
    .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
    .expect(200);
  return { total: Number(response.headers['x-wp-total']), body: response.body as Array<Record<string, any>> };
};
const ids = (body: Array<Record<string, any>>) => body.map((customer) => customer.id as number);

let nextId = 5000;
/** A user written as a SQL import would: the row, its capabilities, and some meta. */
async function importUser(
  login: string,
  displayName: string,
  role = 'customer',
  extra: Array<[string, string]> = [],
): Promise<number> {
  const id = nextId++;
  await db.execute(
    `INSERT INTO ${db.table('users')} (ID, user_login, user_nicename, user_email, display_name, user_registered) VALUES (?, ?, ?, ?, ?, ?)`,
    [id, login, login, `${login}@import.example`, displayName, '2022-03-04 05:06:07'],
  );
  const meta: Array<[string, string]> = [
    [`${db.prefix}capabilities`, `a:1:{s:${role.length}:"${role}";b:1;}`],
    ...extra,
  ];
  for (const [key, value] of meta) {
    await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
      id,
      key,
      value,
    ]);
  }
  return id;
}

/** Counts reads of users' versions (what keeping a page's items costs), until restored. */
function countVersionReads(): { versionReads: () => number; restore: () => void } {
  const reads = [jest.spyOn(db, 'query'), jest.spyOn(db, 'queryLong')];
  return {
    versionReads: () =>
      reads
        .flatMap((read) => read.mock.calls)
        .filter(([sql]) => sql.startsWith(`SELECT user_id, version FROM ${db.table(LOOKUP_TABLES.versions)}`)).length,
    restore: () => {
      for (const read of reads) read.mockRestore();
    },
  };
}

beforeAll(async () => {
  t = await createTestHost();
  db = t.host.db;
  lookup = t.host.dbIndexes.list().find((index) => index.name === 'customers') as CustomerLookup;
});

afterAll(async () => {
  await lookup.settled();
  await t.close();
});

describe('on a database wc-host created', () => {
  it('is installed and filled at start-up', async () => {
    const status = await lookup.status();
    expect(status).toMatchObject({ installed: true, ready: true });
    const catalog = await readSchemaCatalog(db);
    for (const table of Object.values(LOOKUP_TABLES)) expect(catalog.tables.has(db.prefix + table)).toBe(true);
    // MySQL adds two on postmeta for `_customer_user` texts its collation equates with an id (lookupTriggers.ts).
    expect([...catalog.triggers].filter((name) => name.startsWith(`${db.prefix}wc_host_`)).length).toBe(
      db.dialect === 'mysql' ? 17 : 15,
    );
  });

  it('counts users written straight into the tables on the very next request, and follows their changes', async () => {
    const before = (await list('role=customer')).total;
    const zoe = await importUser('zoe.lookup', 'Zoë Lookupson');
    const found = await list('search=lookupson');
    expect(ids(found.body)).toEqual([zoe]);
    expect((await list('search=LOOKUPSON')).total).toBe(1);
    expect((await list('role=customer')).total).toBe(before + 1);

    const abe = await importUser('abe.lookup', 'Abe Lookupson');
    expect(ids((await list('search=lookupson')).body)).toEqual([abe, zoe]);
    await db.execute(`UPDATE ${db.table('users')} SET display_name = ? WHERE ID = ?`, ['Aaron Lookupson', zoe]);
    expect(ids((await list('search=lookupson')).body)).toEqual([zoe, abe]);

    await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
      'a:1:{s:10:"subscriber";b:1;}',
      zoe,
      `${db.prefix}capabilities`,
    ]);
    expect(ids((await list('search=lookupson')).body)).toEqual([abe]);
    expect(ids((await list('search=lookupson&role=subscriber')).body)).toEqual([zoe]);
    expect((await list('role=customer')).total).toBe(before + 1);

    await db.execute(`DELETE FROM ${db.table('usermeta')} WHERE user_id = ?`, [abe]);
    await db.execute(`DELETE FROM ${db.table('users')} WHERE ID = ?`, [abe]);
    expect((await list('search=lookupson')).total).toBe(0);
    expect((await list('role=customer')).total).toBe(before);
  });

  it('answers include= with the lookup state in the same statement, and still sees direct writes at once', async () => {
    const first = await importUser('inc.first', 'Include First');
    const read = jest.spyOn(db, 'query');
    const folded = () => read.mock.calls.filter(([sql]) => sql.includes('LEFT JOIN') && sql.includes('st.*')).length;
    try {
      const second = nextId; // not written yet
      expect(ids((await list(`include=${first},${second}`)).body)).toEqual([first]);
      expect(ids((await list(`include=${first},${second}`)).body)).toEqual([first]);
      expect(folded()).toBeGreaterThan(0);
      // Written behind the lookup's back: the state read with the rows shows it marked, so the lookup reads it first.
      expect(await importUser('inc.second', 'Include Another')).toBe(second);
      expect(ids((await list(`include=${first},${second}`)).body)).toEqual([second, first]);
      await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
        'a:1:{s:10:"subscriber";b:1;}',
        second,
        `${db.prefix}capabilities`,
      ]);
      const answer = await list(`include=${first},${second}`);
      expect([ids(answer.body), answer.total]).toEqual([[first], 1]);
    } finally {
      read.mockRestore();
    }
  });

  it("searches with WordPress's query while the users columns do not compare as utf8mb4_unicode_520_ci", async () => {
    const id = await importUser('exact.search', 'Exactly Searchable');
    const state = db.table(LOOKUP_TABLES.state);
    const queries = ['search=searchable', `include=${id}&search=searchable`, 'email=exact.search@import.example'];
    const expected = [];
    for (const query of queries) expected.push(ids((await list(query)).body));
    expect(expected).toEqual([[id], [id], [id]]);
    const reads = [jest.spyOn(db, 'query'), jest.spyOn(db, 'queryLong')];
    // WordPress's query: the search is a LIKE (SQLite: its utf8mb4_unicode_520_ci twin) on the users table itself.
    const plainSearches = () =>
      reads
        .flatMap((read) => read.mock.calls)
        .filter(([sql]) => /FROM \S*users\S* u\b[\s\S]*(LIKE|like_520)/i.test(sql)).length;
    await db.execute(`UPDATE ${state} SET value = 0 WHERE name = 'search_exact'`);
    try {
      for (const [index, query] of queries.entries()) expect(ids((await list(query)).body)).toEqual(expected[index]);
      expect(plainSearches()).toBeGreaterThanOrEqual(queries.length);
    } finally {
      await db.execute(`UPDATE ${state} SET value = 1 WHERE name = 'search_exact'`);
      for (const read of reads) read.mockRestore();
    }
  });

  it('shows meta written straight into usermeta in the very next list, though the item was reused before', async () => {
    const id = await importUser('cache.meta', 'Cache Meta', 'customer', [['billing_city', 'Porto']]);
    // Made, then kept (asked for again), then reused.
    for (let i = 0; i < 3; i++) expect((await list(`include=${id}`)).body[0].billing.city).toBe('Porto');
    await db.execute(
      `UPDATE ${db.table('usermeta')} SET meta_value = 'Osaka' WHERE user_id = ? AND meta_key = 'billing_city'`,
      [id],
    );
    expect((await list(`include=${id}`)).body[0].billing.city).toBe('Osaka');
  });

  it('reads a listed user again only after it changed', async () => {
    const id = await importUser('cache.reads', 'Cache Reads');
    await list(`include=${id}`); // made
    await list(`include=${id}`); // asked for again: kept
    const query = jest.spyOn(db, 'query');
    try {
      await list(`include=${id}`);
      const readsOfMeta = () =>
        query.mock.calls.filter(([sql, params]) => /usermeta/.test(sql) && boundValues(params).includes(id)).length;
      expect(readsOfMeta()).toBe(0);
      await db.execute(
        `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'last_update', '1')`,
        [id],
      );
      await list(`include=${id}`);
      expect(readsOfMeta()).toBe(1);
    } finally {
      query.mockRestore();
    }
  });

  it('reads no versions for customers a list names for the first time (a lookup by email, random ids), only when asked again', async () => {
    const first = await importUser('cache.admit1', 'Cache Admit One');
    const second = await importUser('cache.admit2', 'Cache Admit Two');
    const { versionReads, restore } = countVersionReads();
    try {
      expect(ids((await list(`include=${first},${second}&orderby=id`)).body)).toEqual([first, second]);
      expect(versionReads()).toBe(0);
      // Asked for again: now worth keeping, which costs a version read (and then spares the users' reads).
      expect(ids((await list(`include=${first},${second}&orderby=id`)).body)).toEqual([first, second]);
      expect(versionReads()).toBe(1);
    } finally {
      restore();
    }
  });

  it('keeps a page only when at least half of its customers were asked for before', async () => {
    const users: number[] = [];
    for (let i = 0; i < 8; i++) users.push(await importUser(`cache.half${i}`, `Cache Half ${i}`));
    const [a, b, c, d, e, f, g, h] = users;
    const { versionReads, restore } = countVersionReads();
    try {
      await list(`include=${a}`);
      await list(`include=${b},${c}`);
      expect(versionReads()).toBe(0);
      // One of four asked for before (a): made, not kept.
      expect(ids((await list(`include=${a},${d},${e},${f}&orderby=id`)).body)).toEqual([a, d, e, f]);
      expect(versionReads()).toBe(0);
      // Two of four asked for before (b and c): kept.
      expect(ids((await list(`include=${b},${c},${g},${h}&orderby=id`)).body)).toEqual([b, c, g, h]);
      expect(versionReads()).toBe(1);
    } finally {
      restore();
    }
  });

  it('keeps a customer asked for twice by GET one, until the customer changes', async () => {
    const id = await importUser('cache.one', 'Cache One', 'customer', [['billing_city', 'Porto']]);
    const one = async () =>
      (
        await t.http
          .get(`${V3}/${id}`)
          .set('Host', 'shop.test')
          .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
          .expect(200)
      ).body;
    const first = await one();
    expect(first).toMatchObject({
      id,
      billing: { city: 'Porto' },
      _links: { self: [{ href: `http://shop.test/wp-json/wc/v3/customers/${id}` }] },
    });
    // Asked for again: now kept.
    expect(await one()).toEqual(first);
    const query = jest.spyOn(db, 'query');
    try {
      const readsOfMeta = () =>
        query.mock.calls.filter(([sql, params]) => /usermeta/.test(sql) && boundValues(params).includes(id)).length;
      const permissionReads = readsOfMeta();
      expect(await one()).toEqual(first);
      // Only the permission check's own read of the user: the item itself was reused.
      const reused = readsOfMeta() - permissionReads;
      await db.execute(
        `UPDATE ${db.table('usermeta')} SET meta_value = 'Osaka' WHERE user_id = ? AND meta_key = 'billing_city'`,
        [id],
      );
      const before = readsOfMeta();
      expect((await one()).billing.city).toBe('Osaka');
      expect(readsOfMeta() - before).toBeGreaterThan(reused);
    } finally {
      query.mockRestore();
    }
  });

  it('prepares the next pages ahead of a client walking through every page', async () => {
    for (let i = 0; i < 12; i++) await importUser(`walk.${i}`, `Walker ${String(i).padStart(2, '0')}`);
    const prefetch = jest.spyOn(CustomersModule.prototype, 'prefetch');
    // A page's users are read either way in (long reads off the event loop on SQLite), from their snapshots or
    // (those without a current one) their meta rows.
    const reads = [jest.spyOn(db, 'query'), jest.spyOn(db, 'queryLong')];
    const metaReads = () =>
      reads
        .flatMap((read) => read.mock.calls)
        .filter(([sql]) => /FROM \S*(usermeta\S* WHERE user_id|wc_host_user_snapshots\S* s\s.*) IN/s.test(sql));
    try {
      const walk = (n: number) => list(`role=customer&orderby=id&order=desc&per_page=3&page=${n}`);
      await walk(1);
      expect(metaReads()).not.toEqual([]);
      await walk(2);
      expect(prefetch).toHaveBeenCalled();
      await Promise.all(prefetch.mock.results.map((result) => result.value));
      // Pages handed out ahead so far (pages 3 to 6 of the walk, as many as there are).
      const handedOut = new Set(prefetch.mock.calls.flatMap(([ahead]) => ahead));
      for (const read of reads) read.mockClear();
      prefetch.mockClear();
      const third = await walk(3);
      expect(third.body).toHaveLength(3);
      // None of page 3's users read again (pages handed out ahead by this request may be read meanwhile).
      const thirdIds = ids(third.body);
      expect(
        metaReads().filter(([, params]) => boundValues(params).some((id) => thirdIds.includes(Number(id)))),
      ).toEqual([]);
      // Page 3 hands out pages 4 to 7 ahead: only the new one's versions are read, not those of pages 4 to 6 again.
      await Promise.all(prefetch.mock.results.map((result) => result.value));
      const versionsRead = reads
        .flatMap((read) => read.mock.calls)
        .filter(([sql]) => sql.startsWith(`SELECT user_id, version FROM ${db.table(LOOKUP_TABLES.versions)}`))
        .flatMap(([, params]) => boundValues(params));
      expect(handedOut.size).toBeGreaterThan(thirdIds.length);
      expect(versionsRead.filter((id) => handedOut.has(Number(id)) && !thirdIds.includes(Number(id)))).toEqual([]);
    } finally {
      prefetch.mockRestore();
      for (const read of reads) read.mockRestore();
    }
  });

  it.each([
    ['HPOS', 'yes'],
    ['posts storage', 'no'],
  ])('shows orders written straight into %s in the very next list', async (_storage, hpos) => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', hpos);
    const id = await importUser(`orders.${hpos}`, `Orders ${hpos}`);
    const v2 = async () =>
      (
        await t.http
          .get(`/wp-json/wc/v2/customers?include=${id}`)
          .set('Host', 'shop.test')
          .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
          .expect(200)
      ).body[0];
    const one = async () =>
      (
        await t.http
          .get(`/wp-json/wc/v2/customers/${id}`)
          .set('Host', 'shop.test')
          .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
          .expect(200)
      ).body;
    // Made, kept (asked for again), then reused.
    for (let i = 0; i < 3; i++) expect(await v2()).toMatchObject({ orders_count: 0, total_spent: '0.00' });
    expect(await one()).toMatchObject({ orders_count: 0, total_spent: '0.00' });
    const order = nextId++;
    if (hpos === 'yes') {
      await db.execute(
        `INSERT INTO ${db.table('wc_orders')} (id, status, currency, type, total_amount, customer_id, billing_email, date_created_gmt) VALUES (?, 'wc-completed', 'EUR', 'shop_order', 12.5, ?, '', '2024-01-01 00:00:00')`,
        [order, id],
      );
    } else {
      await db.execute(
        `INSERT INTO ${db.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type) VALUES (?, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', '', 'Order', '', 'wc-completed', '', '', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '', 'shop_order')`,
        [order],
      );
      await db.execute(
        `INSERT INTO ${db.table('postmeta')} (post_id, meta_key, meta_value) VALUES (?, '_customer_user', ?), (?, '_order_total', '12.5')`,
        [order, String(id), order],
      );
    }
    expect(await v2()).toMatchObject({ orders_count: 1, total_spent: '12.50' });
    expect(await one()).toMatchObject({ orders_count: 1, total_spent: '12.50' });
    // Posts storage keeps the status on the post: a change there alone must show too.
    if (hpos === 'yes')
      await db.execute(`UPDATE ${db.table('wc_orders')} SET status = 'wc-cancelled' WHERE id = ?`, [order]);
    else await db.execute(`UPDATE ${db.table('posts')} SET post_status = 'wc-cancelled' WHERE ID = ?`, [order]);
    expect(await one()).toMatchObject({ orders_count: 1, total_spent: '0.00' });
    expect(await v2()).toMatchObject({ orders_count: 1, total_spent: '0.00' });
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'no');
  });

  it("finds a customer's orders in posts storage through the _customer_user key, not by reading every order", async () => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'no');
    const ids = [await importUser('orders.key1', 'Orders Key'), await importUser('orders.key2', 'Orders Key')];
    // Read in (their kept order totals written), then without kept totals: the figures come from the orders.
    await list(`include=${ids.join(',')}`);
    await db.execute(`DELETE FROM ${db.table(LOOKUP_TABLES.orders)} WHERE customer_id IN (?, ?)`, ids);
    // Two customers' figures are a long read (off the event loop on SQLite).
    const reads = [jest.spyOn(db, 'query'), jest.spyOn(db, 'queryLong')];
    let statsSql: string;
    try {
      await t.http
        .get(`/wp-json/wc/v2/customers?include=${ids.join(',')}`)
        .set('Host', 'shop.test')
        .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
        .expect(200);
      const calls = reads.flatMap((read) => read.mock.calls);
      statsSql = String(
        calls.find(([sql]) => /meta_key = '_customer_user'/.test(sql) && /GROUP BY/.test(sql))?.[0] ?? '',
      );
    } finally {
      for (const read of reads) read.mockRestore();
    }
    expect(statsSql).not.toBe('');
    const plan = await db.query<Record<string, unknown>>(
      `EXPLAIN ${db.dialect === 'sqlite' ? 'QUERY PLAN ' : ''}${statsSql.replace(/\?/g, "'0'")}`,
    );
    if (db.dialect === 'sqlite')
      expect(JSON.stringify(plan)).toContain('USING INDEX wp_postmeta_wc_host_customer_user');
    else expect(plan.some((row) => String(row.possible_keys ?? '').includes('wc_host_customer_user'))).toBe(true);
  });

  it('builds every item afresh for a plugin that filters them', async () => {
    const id = await importUser('cache.filter', 'Cache Filter');
    await list(`include=${id}`);
    const seen: number[] = [];
    t.host.hooks.addFilter('woocommerce_rest_prepare_customer', 'test/lookup', (response) => {
      seen.push(Number(response.data.id));
      return response;
    });
    try {
      await list(`include=${id}`);
      expect(seen).toEqual([id]);
    } finally {
      t.host.hooks.removeAllFilters('woocommerce_rest_prepare_customer', 'test/lookup');
    }
  });

  it('runs a new search as a long read (off the event loop on SQLite)', async () => {
    await importUser('long.read', 'Long Read');
    const queryLong = jest.spyOn(db, 'queryLong');
    try {
      expect((await list('search=long.rea')).total).toBe(1);
      expect(queryLong).toHaveBeenCalled();
    } finally {
      queryLong.mockRestore();
    }
  });

  it('answers right while it reads a bulk import in the background, and answers itself again afterwards', async () => {
    // The real limit is tens of thousands of users; a lookup with a small one shows the mechanism.
    const small = new CustomerLookup(db, silent, { inlineLimit: 50, batchSize: 10 });
    const count = 120;
    const first = nextId;
    nextId += count;
    const rows = Array.from({ length: count }, (_, i) => first + i);
    await db.execute(
      `INSERT INTO ${db.table('users')} (ID, user_login, user_nicename, user_email, display_name, user_registered) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, '2021-01-01 00:00:00')").join(', ')}`,
      rows.flatMap((id) => [id, `bulk${id}`, `bulk${id}`, `bulk${id}@bulk.example`, `Bulk ${id}`]),
    );
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
      rows.flatMap((id) => [id, `${db.prefix}capabilities`, 'a:1:{s:8:"customer";b:1;}']),
    );
    const query = parseUserQuery({
      search: '*bulk.example*',
      role: 'customer',
      orderby: 'display_name',
      order: 'asc',
      number: 5,
    });
    expect(await small.answer(query)).toBeNull();
    // Meanwhile the HTTP API answers with WordPress's query, right.
    expect((await list('search=bulk.example&per_page=5')).total).toBe(count);
    await small.settled();
    expect(await small.answer(query)).toEqual(await plainUserQuery(db, query));
  });

  it('reads a few marked users before answering, in short batches', async () => {
    const small = new CustomerLookup(db, silent, { inlineLimit: 50, batchSize: 10 });
    const ids = await Promise.all([1, 2, 3].map((i) => importUser(`inline.${i}`, `Inline ${i}`)));
    const apply = jest.spyOn(db, 'transaction');
    try {
      expect(
        (await small.answer(parseUserQuery({ search: '*inline.*', orderby: 'ID', order: 'asc', number: 10 })))?.ids,
      ).toEqual(ids);
      expect(apply).toHaveBeenCalled();
    } finally {
      apply.mockRestore();
    }
  });

  it("reads a page's users from their snapshots, not their meta rows", async () => {
    const first = await importUser('snap.first', 'Snapshot First', 'customer', [['billing_city', 'Lyon']]);
    const second = await importUser('snap.second', 'Snapshot Second');
    const reads = [jest.spyOn(db, 'query'), jest.spyOn(db, 'queryLong')];
    const sent = () => reads.flatMap((read) => read.mock.calls).map(([sql]) => sql);
    try {
      // The list reads the two marked users into the lookup (and their snapshots) before it answers.
      const page = await list(`include=${second},${first}`);
      expect(ids(page.body)).toEqual([first, second]);
      expect(page.body[0].billing.city).toBe('Lyon');
      expect(sent().filter((sql) => sql.includes('wc_host_user_snapshots')).length).toBe(1);
      expect(sent().filter((sql) => /FROM \S*usermeta\S* WHERE user_id IN/.test(sql))).toEqual([]);
    } finally {
      for (const read of reads) read.mockRestore();
    }
  });
});

describe('on an existing WordPress database', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let existing: Db;
  let catalogBefore: Awaited<ReturnType<typeof readSchemaCatalog>>;
  const warnings: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    existing = opened.db;
    await migrate(existing, silent);
    // What makes it "existing": wc-host did not create it.
    await existing.execute(`DELETE FROM ${existing.table('wc_host_state')}`);
    await existing.execute(
      `INSERT INTO ${existing.table('users')} (ID, user_login, user_email, display_name) VALUES (2, 'müller', 'm@example.com', 'Müller')`,
    );
    await existing.execute(
      `INSERT INTO ${existing.table('usermeta')} (user_id, meta_key, meta_value) VALUES (2, 'wp_capabilities', 'a:1:{s:8:"customer";b:1;}')`,
    );
    catalogBefore = await readSchemaCatalog(existing);
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  const host = () =>
    createHost({
      databaseUrl: database.url,
      pluginModules: [],
      logger: { ...silent, warn: (message) => warnings.push(message) },
    });

  it('adds nothing at start-up, says once how to add the index, and still answers right', async () => {
    const started = await host();
    try {
      expect(warnings.filter((line) => line.includes('npx wc-host db index'))).toHaveLength(1);
      expect(await readSchemaCatalog(existing)).toEqual(catalogBefore);
      const key = await createApiKey(existing, { userId: 1, permissions: 'read', description: 'test' });
      const response = await supertest(started.app)
        .get(`${V3}?search=muller`)
        .auth(key.consumerKey, key.consumerSecret)
        .expect(200);
      expect([response.headers['x-wp-total'], response.body.map((customer: { id: number }) => customer.id)]).toEqual([
        '1',
        [2],
      ]);
    } finally {
      await started.close();
    }
  });

  it('db index adds the lookup, and --drop leaves the database exactly as before', async () => {
    const started = await host();
    try {
      const index = started.dbIndexes.list()[0];
      expect(await index.status()).toMatchObject({ installed: false, ready: false });
      const phases = new Set<string>();
      await index.install((step) => phases.add(step.phase));
      expect(phases).toContain('reading users into the lookup');
      expect(await index.status()).toMatchObject({ installed: true, ready: true });
      await index.install(() => undefined); // idempotent
      await index.drop();
      expect(await readSchemaCatalog(existing)).toEqual(catalogBefore);
      expect(await existing.query(`SELECT ID, user_login FROM ${existing.table('users')} ORDER BY ID`)).toEqual([
        { ID: 1, user_login: 'admin' },
        { ID: 2, user_login: 'müller' },
      ]);
    } finally {
      await started.close();
    }
  });

  it('resumes a fill that was cut short', async () => {
    const started = await host();
    try {
      const index = started.dbIndexes.list()[0] as CustomerLookup;
      await index.install(() => undefined);
      // As if cut short after the first user: not ready, the second user not read yet.
      const state = existing.table(LOOKUP_TABLES.state);
      await existing.execute(`UPDATE ${state} SET value = 0 WHERE name = 'ready'`);
      await existing.execute(`UPDATE ${state} SET value = 2 WHERE name = 'backfilled_below'`);
      await existing.execute(`DELETE FROM ${existing.table(LOOKUP_TABLES.lookup)} WHERE user_id = 2`);
      await existing.execute(
        `UPDATE ${existing.table(LOOKUP_TABLES.roles)} SET users = users - 1 WHERE capabilities LIKE '%customer%'`,
      );
      expect(await index.status()).toMatchObject({ ready: false });
      await index.install(() => undefined);
      expect(await index.status()).toMatchObject({ ready: true });
      const [{ users }] = await existing.query<{ users: number | string }>(
        `SELECT SUM(users) AS users FROM ${existing.table(LOOKUP_TABLES.roles)}`,
      );
      expect(Number(users)).toBe(2);
      await index.drop();
    } finally {
      await started.close();
    }
  });
});
