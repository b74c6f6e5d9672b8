import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import { sqliteIndexHint } from '../../../src/db/sqlite/indexHint';
import { postmetaCustomerIndex } from './postmetaCustomerIndex';
import { LOOKUP_TABLES } from './lookupTables';
import { writeState } from './lookupState';
import { ODD_CUSTOMER_USER } from './lookupTriggers';
import { storedNewer } from './storedNewer';

/** The `storage` column of the order totals. */
export const TOTALS_STORAGE = { hpos: 0, posts: 1 } as const;

/** One customer's orders of one status in one storage, summed. */
interface StatusTotals {
  customer_id: number | string;
  status: string;
  orders: number | string;
  last_id: number | string | null;
  last_date_gmt: string | null;
  last_date: string | null;
  total: number | string | null;
}

const COLUMNS = [
  'storage',
  'customer_id',
  'kind',
  'status',
  'version',
  'orders',
  'last_id',
  'last_date_gmt',
  'last_date',
  'total',
  'total_float',
] as const;
const ROWS_PER_INSERT = 250;

/** Totals made for some users: rows to store, labelled with the versions read before the orders were. */
export interface ComputedTotals {
  ids: readonly number[];
  versions: ReadonlyMap<number, number>;
  rows: unknown[][];
  /** Some order's `_customer_user` matched a customer without being its id's very text (lookupTriggers.ts). */
  oddCustomerUser: boolean;
}

/**
 * Rewrites the order totals of the users `ids` from the orders as they are now, labelled with each user's current
 * version — every write to a customer's orders bumps that version (lookupTriggers.ts), so a label that still equals
 * the version proves the totals current (readOrderTotals.ts). Runs inside the caller's transaction and under the
 * lookup's lock, so the versions and the orders are read from one snapshot and no other writer interleaves.
 */
export async function writeOrderTotals(tx: Db, ids: readonly number[], storages: { hpos: boolean }): Promise<void> {
  await storeOrderTotals(tx, await computeOrderTotals(tx, ids, storages), { keepNewer: false });
}

/**
 * The users' order totals. The sums are WooCommerce's own queries (hposOrderStats.ts, postsOrderStats.ts) for these
 * customers, grouped by status as well, so any status lists a filter asks for later add up to exactly what those
 * queries return. The versions are read first: outside a transaction an order written between the two reads bumps
 * its customer's version past the label, so totals that may include it are never taken for current.
 * Customers without a version row get no totals (their figures are then read from the orders).
 */
export async function computeOrderTotals(
  db: Db,
  ids: readonly number[],
  storages: { hpos: boolean },
): Promise<ComputedTotals> {
  if (ids.length === 0) return { ids, versions: new Map(), rows: [], oddCustomerUser: false };
  const byUser = inList(db.dialect, 'user_id', ids);
  const versionRows = await db.query<{ user_id: number | string; version: number | string }>(
    `SELECT user_id, version FROM ${db.table(LOOKUP_TABLES.versions)} WHERE ${byUser.sql}`,
    byUser.params,
  );
  const versions = new Map(versionRows.map((row) => [Number(row.user_id), Number(row.version)]));
  const known = ids.filter((id) => versions.has(id));
  const rows: unknown[][] = [];
  let oddCustomerUser = false;
  if (known.length === 0) return { ids, versions, rows, oddCustomerUser };
  const idTexts = new Set(known.map(String));
  const add = (storage: number, totals: StatusTotals[], float: boolean) => {
    for (const id of known) rows.push([storage, id, 0, '', versions.get(id), 0, null, null, null, null, null]);
    for (const row of totals) {
      // MySQL's collation matches `_customer_user` texts such as '12 ' or '１２' to customer 12, as WooCommerce's
      // query does — writes no trigger can attribute, so the posts storage's totals must not be trusted from now on.
      if (float && !idTexts.has(String(row.customer_id))) oddCustomerUser = true;
      const id = Number(row.customer_id);
      const version = versions.get(id);
      if (version === undefined) continue;
      rows.push([
        storage,
        id,
        1,
        row.status,
        version,
        Number(row.orders),
        row.last_id === null ? null : Number(row.last_id),
        row.last_date_gmt,
        row.last_date,
        float ? null : row.total,
        float && row.total !== null ? Number(row.total) : null,
      ]);
    }
  };
  if (storages.hpos) add(TOTALS_STORAGE.hpos, await hposTotals(db, known), false);
  add(TOTALS_STORAGE.posts, await postsTotals(db, known), true);
  return { ids, versions, rows: inKeyOrder(rows), oddCustomerUser };
}

/**
 * The rows in the table's key order (customer, storage, kind, status). Inserted storage by storage, each customer's
 * rows of the second storage went between rows already written, splitting B-tree pages: `db index` left the table
 * half empty (905 MB for a million customers instead of 453), so that many more pages competed for the buffer pool.
 * Stable: rows with the very same key (merged on insert) keep their order.
 */
function inKeyOrder(rows: unknown[][]): unknown[][] {
  const key = (row: unknown[]) => row as [number, number, number, string];
  return rows.sort((a, b) => {
    const [storageA, customerA, kindA, statusA] = key(a);
    const [storageB, customerB, kindB, statusB] = key(b);
    return (
      customerA - customerB ||
      storageA - storageB ||
      kindA - kindB ||
      (statusA < statusB ? -1 : statusA > statusB ? 1 : 0)
    );
  });
}

/**
 * Replaces the users' stored totals with `computed` (inside the caller's transaction, under the lookup's lock).
 * `keepNewer`: a user whose stored totals carry a version at least as high as the computed label keeps them (another
 * writer read the user later).
 */
export async function storeOrderTotals(
  tx: Db,
  computed: ComputedTotals,
  options: { keepNewer: boolean },
): Promise<void> {
  if (computed.ids.length === 0) return;
  const table = tx.table(LOOKUP_TABLES.orders);
  let replaced: readonly number[] = computed.ids;
  let rows = computed.rows;
  if (options.keepNewer) {
    const source = { table, idColumn: 'customer_id', where: 'kind = 0' };
    const newer = await storedNewer(tx, source, computed.ids, computed.versions);
    replaced = computed.ids.filter((id) => !newer.has(id));
    rows = rows.filter((row) => !newer.has(row[1] as number));
  }
  if (computed.oddCustomerUser) await writeState(tx, ODD_CUSTOMER_USER, 1);
  const byCustomer = inList(tx.dialect, 'customer_id', replaced);
  await tx.execute(`DELETE FROM ${table} WHERE ${byCustomer.sql}`, byCustomer.params);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const placeholders = chunk.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ');
    await tx.execute(
      `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${placeholders} ${mergeDuplicates(tx.dialect)}`,
      chunk.flat(),
    );
  }
}

/**
 * Two groups of one customer and status (the posts storage's '12' and '12 ', or statuses equal under MySQL's
 * collation) add up, as they do in WooCommerce's single query. Dates follow the higher order id (set before it).
 */
function mergeDuplicates(dialect: Db['dialect']): string {
  const incoming = (column: string) => (dialect === 'mysql' ? `VALUES(${column})` : `excluded.${column}`);
  const sum = (column: string) =>
    `${column} = CASE WHEN ${column} IS NULL THEN ${incoming(column)} WHEN ${incoming(column)} IS NULL THEN ${column} ELSE ${column} + ${incoming(column)} END`;
  const later = `${incoming('last_id')} > last_id`;
  const assignments = [
    `last_date_gmt = CASE WHEN ${later} THEN ${incoming('last_date_gmt')} ELSE last_date_gmt END`,
    `last_date = CASE WHEN ${later} THEN ${incoming('last_date')} ELSE last_date END`,
    `last_id = CASE WHEN ${later} THEN ${incoming('last_id')} ELSE last_id END`,
    `orders = orders + ${incoming('orders')}`,
    sum('total'),
    sum('total_float'),
  ];
  return dialect === 'mysql'
    ? `ON DUPLICATE KEY UPDATE ${assignments.join(', ')}`
    : `ON CONFLICT (customer_id, storage, kind, status) DO UPDATE SET ${assignments.join(', ')}`;
}

/** hposOrderStats's query, per status: every order row of the customers (no type filter, as WooCommerce's). */
async function hposTotals(db: Db, ids: readonly number[]): Promise<StatusTotals[]> {
  const orders = db.table('wc_orders');
  const hint = await sqliteIndexHint(db, `${db.prefix}wc_orders_customer_id_billing_email`);
  const customers = inList(db.dialect, 'customer_id', ids);
  return db.query<StatusTotals>(
    `SELECT g.customer_id, g.status, g.orders, g.last_id, g.total, o.date_created_gmt AS last_date_gmt, NULL AS last_date
       FROM (SELECT customer_id, status, COUNT(*) AS orders, MAX(id) AS last_id, SUM(total_amount) AS total
               FROM ${orders}${hint}
              WHERE ${customers.sql} AND status IS NOT NULL
              GROUP BY customer_id, status) AS g
       LEFT JOIN ${orders} AS o ON o.id = g.last_id`,
    customers.params,
  );
}

/** postsOrderStats's query, per status: `shop_order` posts whose `_customer_user` equals a customer's id as text. */
async function postsTotals(db: Db, ids: readonly number[]): Promise<StatusTotals[]> {
  const posts = db.table('posts');
  const postmeta = db.table('postmeta');
  const customerId = 'SUBSTR(meta.meta_value, 1, 20)';
  const hint = await sqliteIndexHint(db, postmetaCustomerIndex(db).name);
  const customers = inList(db.dialect, 'meta.meta_value', ids.map(String));
  return db.query<StatusTotals>(
    `SELECT g.customer_id, g.status, g.orders, g.last_id, g.total,
            p.post_date_gmt AS last_date_gmt, p.post_date AS last_date
       FROM (SELECT ${customerId} AS customer_id, posts.post_status AS status, COUNT(*) AS orders,
                    MAX(posts.ID) AS last_id,
                    SUM((SELECT SUM(total.meta_value) FROM ${postmeta} AS total
                          WHERE total.post_id = posts.ID AND total.meta_key = '_order_total')) AS total
               FROM ${posts} AS posts
              INNER JOIN ${postmeta} AS meta${hint} ON posts.ID = meta.post_id
              WHERE meta.meta_key = '_customer_user' AND ${customers.sql} AND posts.post_type = 'shop_order'
              GROUP BY ${customerId}, posts.post_status) AS g
       LEFT JOIN ${posts} AS p ON p.ID = g.last_id`,
    customers.params,
  );
}
