import type { Db } from '../src/db/types';
import { LOOKUP_TABLES } from '../plugins/customers/lookup/lookupTables';
import { createTestHost, type TestHost } from './helpers/testHost';

/**
 * The lookup's queries take the index paths they were written for — at a million users any other path reads every
 * user. The plans are read with EXPLAIN from the very SQL the API sent.
 */

let t: TestHost;
let db: Db;

beforeAll(async () => {
  t = await createTestHost();
  db = t.host.db;
  const rows = Array.from({ length: 300 }, (_, i) => i + 100);
  await db.execute(
    `INSERT INTO ${db.table('users')} (ID, user_login, user_nicename, user_email, display_name, user_registered) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, '2021-01-01 00:00:00')").join(', ')}`,
    rows.flatMap((id) => [id, `plan${id}`, `plan${id}`, `plan${id}@plans.example`, `Plan ${id}`]),
  );
  await db.execute(
    `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
    rows.flatMap((id) => [id, `${db.prefix}capabilities`, 'a:1:{s:8:"customer";b:1;}']),
  );
});

afterAll(async () => {
  await t.close();
});

/** The lookup's SQL a request sent (the reads of its `l` alias), with each placeholder as a literal. */
async function lookupSql(query: string): Promise<string[]> {
  const read = jest.spyOn(db, 'query');
  const readLong = jest.spyOn(db, 'queryLong');
  try {
    await t.http
      .get(`/wp-json/wc/v3/customers?${query}`)
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .expect(200);
    return [...read.mock.calls, ...readLong.mock.calls]
      .filter(([sql]) => /wc_host_customer_(lookup|search)\W+l\b/.test(sql))
      .map(([sql, params]) => inline(sql, params ?? []));
  } finally {
    read.mockRestore();
    readLong.mockRestore();
  }
}

function inline(sql: string, params: readonly unknown[]): string {
  let index = 0;
  const literal = (value: unknown): string => {
    // A bound list (MySQL): mysql2 expands it into the values, comma-separated.
    if (Array.isArray(value)) return value.map(literal).join(', ');
    if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  };
  return sql.replace(/\?/g, () => literal(params[index++]));
}

async function plan(sql: string): Promise<string> {
  return JSON.stringify(await db.query(`EXPLAIN ${db.dialect === 'sqlite' ? 'QUERY PLAN ' : ''}${sql}`));
}

it('include: a primary-key lookup per id, not the role group', async () => {
  const [sql] = await lookupSql('include=105,150,222');
  if (db.dialect === 'sqlite') expect(await plan(sql)).toMatch(/SEARCH l USING INTEGER PRIMARY KEY/);
  else
    expect(JSON.parse(await plan(sql))).toEqual([
      expect.objectContaining({ key: 'PRIMARY', type: 'range', rows: '3' }),
    ]);
});

it('include read with the lookup state: still a primary-key lookup per id', async () => {
  await lookupSql('include=105,150,222');
  const sql = (await lookupSql('include=106,151,223')).find((text) => text.includes('st.*'));
  expect(sql).toBeDefined();
  const explained = await plan(sql ?? '');
  if (db.dialect === 'sqlite') expect(explained).toMatch(/SEARCH l USING INTEGER PRIMARY KEY/);
  else {
    expect(JSON.parse(explained)).toContainEqual(
      expect.objectContaining({ table: 'l', key: 'PRIMARY', type: 'range', rows: '3' }),
    );
  }
});

it('email=: from the folded e-mail and the display-name key, not a walk of the role group', async () => {
  const [sql] = await lookupSql('email=plan150@plans.example');
  const explained = await plan(sql);
  expect(explained).toMatch(/wc_host_customer_lookup_email|"key":"email"/);
  expect(explained).not.toMatch(/USING (COVERING )?INDEX \S*group_name \(role_group=\?\)\W*$/m);
});

it('a wild search on SQLite starts from the trigram matches; on MySQL it scans the narrow search table', async () => {
  const [sql] = await lookupSql('search=plan15');
  if (db.dialect === 'sqlite') expect(await plan(sql)).toMatch(/VIRTUAL TABLE INDEX/);
  else expect(sql).toMatch(/wc_host_customer_search\W+l\b/);
});

it("a page of the default list is a range of the role group's name index", async () => {
  const [sql] = await lookupSql('per_page=5&page=3');
  expect(await plan(sql)).toMatch(/group_name/);
});

/** The SQL of the order-figure reads of one page of 100 matching `pattern`, with its placeholders inlined. */
async function orderFiguresSql(pattern: RegExp): Promise<string> {
  await t.host.options.update('woocommerce_custom_orders_table_enabled', 'yes');
  const read = jest.spyOn(db, 'query');
  const readLong = jest.spyOn(db, 'queryLong');
  try {
    await t.http
      .get('/wp-json/wc/v2/customers?per_page=100')
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .expect(200);
    const [call] = [...read.mock.calls, ...readLong.mock.calls].filter(([text]) => pattern.test(text));
    return inline(call[0], call[1] ?? []);
  } finally {
    read.mockRestore();
    readLong.mockRestore();
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'no');
  }
}

it("a page's kept order totals are read by primary key, a row or two per customer, and not grouped in SQL", async () => {
  const explained = await plan(await orderFiguresSql(/wc_host_customer_orders/));
  if (db.dialect === 'sqlite') {
    expect(explained).not.toMatch(/SCAN (h|s)\b/);
    expect(explained).toMatch(/SEARCH h USING PRIMARY KEY/);
    expect(explained).not.toMatch(/TEMP B-TREE/);
  } else {
    const rows = JSON.parse(explained) as Array<{ table: string; key: string | null; Extra: string | null }>;
    for (const alias of ['h', 's']) expect(rows.find((row) => row.table === alias)?.key).toBe('PRIMARY');
    // A temporary table and a sort a read were half the statement's time (readOrderTotals.ts).
    expect(rows.filter((row) => /temporary|filesort/i.test(row.Extra ?? ''))).toEqual([]);
  }
});

it("a page's order figures without kept totals come from the customers' orders, not a walk of every order with a status", async () => {
  await db.execute(`DELETE FROM ${db.table(LOOKUP_TABLES.orders)}`);
  const explained = await plan(await orderFiguresSql(/wc_orders\W/));
  if (db.dialect === 'sqlite') expect(explained).toMatch(/USING INDEX wp_wc_orders_customer_id_billing_email/);
  else expect(explained).toMatch(/customer_id_billing_email/);
});
