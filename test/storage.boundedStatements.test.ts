import { loadCurrentUser } from '../src/auth/currentUser';
import { RestRequest } from '../src/rest/RestRequest';
import { statementCacheStats, type StatementCacheStats } from '../src/db/statementCaches';
import { STATEMENT_CACHE_LIMIT } from '../src/db/statementCacheLimit';
import type { CurrentUser } from '../src/auth/types';
import type { Db } from '../src/db/types';
import { createTestHost, type TestHost } from './helpers/testHost';

/**
 * Memory does not grow with the pages clients ask for: page numbers, page sizes and id lists are bound values, so
 * 5,000 distinct list requests (every page 1..5,000, distinct include and exclude lists, searches, the plain
 * WP_User_Query path) use the same few SQL texts as their first 250, and the prepared-statement caches stay at that
 * size, under their bound. With ids or offsets written into the SQL, each request would add texts and statements.
 */

const REQUESTS = 5000;
/** Every request shape below recurs with this period, so all of them are seen during the first WARM_UP requests. */
const WARM_UP = 250;
const USERS = 40;

let t: TestHost;
let db: Db;
let admin: CurrentUser;
const userIds: number[] = [];

/** A user id list distinct for each `i`: `length` of the users, starting at a place `i` picks. */
function idList(i: number, length: number): string {
  const start = (i * 7) % USERS;
  return Array.from({ length }, (_, k) => userIds[(start + k * (1 + (i % 3))) % USERS]).join(',');
}

/** The i-th request's query string: the shape repeats every 10 requests, the values (page, lists) change every time. */
function listQuery(i: number): Record<string, string> {
  const perPage = String(1 + (i % 7));
  switch (i % 10) {
    case 0:
    case 1:
      return { page: String(i), per_page: perPage };
    case 2:
      return { page: String(1 + (i % 9)), per_page: perPage, orderby: 'registered_date', order: 'desc' };
    case 3:
      return { include: idList(i, 1 + (i % 23)), orderby: 'include', per_page: '100' };
    case 4:
      return { include: idList(i, 1 + (i % 31)), page: String(1 + (i % 3)), per_page: perPage, orderby: 'name' };
    case 5:
      return { exclude: idList(i, 1 + (i % 17)), page: String(1 + (i % 5)), per_page: perPage };
    case 6:
      return { search: 'boundeduser', page: String(i), per_page: perPage };
    case 7:
      return { email: `boundeduser${(i % USERS) + 1}@example.com` };
    case 8:
      // The plain WP_User_Query path (a meta query: see the filter below), with an include list.
      return { plain: '1', include: idList(i, 1 + (i % 13)), page: String(1 + (i % 4)), per_page: perPage };
    default:
      return { plain: '1', page: String(i), per_page: perPage, role: 'customer' };
  }
}

async function list(i: number): Promise<void> {
  const request = new RestRequest({
    method: 'GET',
    path: '/wc/v3/customers',
    query: listQuery(i),
    restRoot: 'http://shop.test/wp-json',
  });
  request.user = admin;
  const response = await t.host.rest.dispatch(request);
  if (response.status !== 200)
    throw new Error(
      `request ${i} (${JSON.stringify(listQuery(i))}): ${response.status} ${JSON.stringify(response.data)}`,
    );
}

/** mysql2's pool and its connections, as far as this test reads them. */
interface MysqlPoolInternals {
  config: { connectionConfig: { maxPreparedStatements: number } };
  _allConnections: { toArray(): Array<{ _statements: { size: number } }> };
  query: (...args: unknown[]) => unknown;
}

beforeAll(async () => {
  t = await createTestHost();
  db = t.host.db;
  for (let n = 1; n <= USERS; n++) {
    const { insertId } = await db.execute(
      `INSERT INTO ${db.table('users')} (user_login, user_nicename, user_email, display_name, user_registered) VALUES (?, ?, ?, ?, ?)`,
      [
        `boundeduser${n}`,
        `boundeduser${n}`,
        `boundeduser${n}@example.com`,
        `Bounded User ${n % 9}`,
        `2024-01-${String((n % 28) + 1).padStart(2, '0')} 10:00:00`,
      ],
    );
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?), (?, 'billing_country', ?)`,
      [insertId, `${db.prefix}capabilities`, 'a:1:{s:8:"customer";b:1;}', insertId, ['PT', 'ES', 'FR'][n % 3]],
    );
    userIds.push(insertId);
  }
  admin = (await loadCurrentUser(db, t.host.options, 1))!;
  // `plain=1` adds a meta query, which only WordPress's own query answers (bound IN list of countries included).
  t.host.hooks.addFilter(
    'woocommerce_rest_customer_query',
    'test/bounded',
    (args: Record<string, unknown>, request: RestRequest) =>
      request.param('plain')
        ? { ...args, meta_query: [{ key: 'billing_country', value: ['PT', 'ES'], compare: 'IN' }] }
        : args,
  );
});

afterAll(async () => {
  await t.close();
});

it(`answers ${REQUESTS} distinct list requests with the SQL texts of the first ${WARM_UP}, and caches no more statements`, async () => {
  const texts = new Set<string>();
  const sent = new Set<string>();
  const read = jest.spyOn(db, 'query');
  const readLong = jest.spyOn(db, 'queryLong');
  // MySQL: every text the pool is sent (TypeORM's statements too), before mysql2 expands the bound values.
  const pool = db.dialect === 'mysql' ? (db.dataSource.driver as unknown as { pool: MysqlPoolInternals }).pool : null;
  const poolQuery = pool?.query;
  if (pool && poolQuery) {
    pool.query = function (this: unknown, ...args: unknown[]) {
      const sql = args[0];
      sent.add(typeof sql === 'string' ? sql : String((sql as { sql?: unknown }).sql));
      return poolQuery.apply(this, args);
    };
  }
  // Statements inside transactions too (the lookup reading changed users in: their lookup rows and order totals).
  const transaction = db.transaction.bind(db);
  const inTransactions: string[] = [];
  const transactions = jest.spyOn(db, 'transaction').mockImplementation((work, options) =>
    transaction(
      (tx) =>
        work(
          new Proxy(tx, {
            get(target, key) {
              const value: unknown = Reflect.get(target, key);
              if (typeof value !== 'function') return value;
              if (key !== 'query' && key !== 'queryLong' && key !== 'execute') return value.bind(target);
              return (sql: string, params?: readonly unknown[]) => {
                inTransactions.push(sql);
                return (value as (sql: string, params?: readonly unknown[]) => unknown).call(target, sql, params);
              };
            },
          }),
        ),
      options,
    ),
  );
  const record = () => {
    for (const sql of inTransactions.splice(0)) texts.add(sql);
    for (const [sql] of [...read.mock.calls, ...readLong.mock.calls]) texts.add(sql);
    read.mockClear();
    readLong.mockClear();
  };
  try {
    for (let i = 1; i <= WARM_UP; i++) await list(i);
    record();
    const warmTexts = new Set(texts);
    const warmSent = new Set(sent);
    const warmCaches = statementCacheStats(db);

    for (let i = WARM_UP + 1; i <= REQUESTS; i++) {
      await list(i);
      if (i % 500 === 0) record();
    }
    record();

    expect([...texts].filter((sql) => !warmTexts.has(sql))).toEqual([]);
    expect([...sent].filter((sql) => !warmSent.has(sql))).toEqual([]);
    expect(texts.size).toBeLessThan(STATEMENT_CACHE_LIMIT);
    const caches: StatementCacheStats = statementCacheStats(db);
    expect(caches.limit).toBe(STATEMENT_CACHE_LIMIT);
    expect(caches.main).toBe(warmCaches.main);
    for (const held of [caches.main, ...caches.workers]) expect(held).toBeLessThanOrEqual(texts.size);
    if (db.dialect === 'sqlite') expect(caches.main).toBeGreaterThan(0);

    if (pool) {
      // Nothing uses mysql2's prepared statements (`execute`), and should anything, they are bounded too.
      expect(pool.config.connectionConfig.maxPreparedStatements).toBe(STATEMENT_CACHE_LIMIT);
      for (const connection of pool._allConnections.toArray()) expect(connection._statements.size).toBe(0);
    }
  } finally {
    read.mockRestore();
    readLong.mockRestore();
    transactions.mockRestore();
    if (pool && poolQuery) pool.query = poolQuery;
  }
}, 600_000);

it('still selects what the bound values name: a page by its offset, an include list in its order', async () => {
  const byPage = new RestRequest({
    method: 'GET',
    path: '/wc/v3/customers',
    query: { page: '3', per_page: '7', orderby: 'id' },
  });
  byPage.user = admin;
  const paged = (await t.host.rest.dispatch(byPage)).data as Array<{ id: number }>;
  expect(paged.map((customer) => customer.id)).toEqual(userIds.slice(14, 21));
  const byInclude = new RestRequest({
    method: 'GET',
    path: '/wc/v3/customers',
    query: { include: [...userIds.slice(14, 21)].reverse().join(','), orderby: 'include', plain: '1' },
  });
  byInclude.user = admin;
  const included = (await t.host.rest.dispatch(byInclude)).data as Array<{ id: number }>;
  // The plain path's meta query keeps PT and ES customers: user n lives in FR when n % 3 === 2.
  const expected = userIds
    .map((id, index) => ({ id, n: index + 1 }))
    .slice(14, 21)
    .filter(({ n }) => n % 3 !== 2)
    .map(({ id }) => id)
    .reverse();
  expect(included.map((customer) => customer.id)).toEqual(expected);
});
