/**
 * The baseline: a bare Express server over the raw driver that answers the bench's GET scenarios the way WooCommerce
 * (WC_REST_Customers_V2_Controller on WordPress 6.8) does, with no host, hooks, REST layer, schema or ORM:
 *
 * - Authentication runs the statement wc-host runs (key, user and capabilities in one query).
 * - GET one: get_userdata (the users row), then `new WC_Customer` (the user's meta), then — v2 only, v3 has no order
 *   figures — WC_Customer_Data_Store::get_order_count and ::get_total_spent: two queries on the storage in use.
 * - Lists: WP_User_Query's SQL — the role filter an INNER JOIN on `{prefix}capabilities` with `LIKE '%"customer"%'`,
 *   the search `LIKE '%term%'` on user_login, user_url, user_email, user_nicename and display_name (email= is
 *   `user_email = …`), ORDER BY display_name / user_registered / ID with no tie-breaker, LIMIT offset, n — with
 *   SQL_CALC_FOUND_ROWS then SELECT FOUND_ROWS() on MariaDB (a COUNT on SQLite), then one WC_Customer per row: its
 *   meta read on its own, then its two order queries. 3 + n queries for a page of n on v3, 3 + 3n on v2.
 *
 * WooCommerce caches a customer's order count and total in usermeta (`wc_order_count`, `wc_money_spent`) after the
 * first read and serves them from there until an order changes; the baseline always takes the uncached path (it
 * must not write into the database both servers share), i.e. a cold cache: the first read after an order change,
 * an import or a sync.
 *
 * The database is the one wc-host indexed; the baseline keeps to what a stock WooCommerce schema has: it does not
 * use wc-host's `wc_host_customer_user` key on postmeta (IGNORE INDEX on MariaDB; on SQLite the `+` before the
 * compared column keeps the planner off that partial index), and never reads wc-host's lookup tables.
 *
 * On SQLite, LIKE folds ASCII case only: the baseline cannot match accents (`muller` misses `Müller` in display_name,
 * where MariaDB's utf8mb4_unicode_520_ci and wc-host both match it), and ORDER BY display_name follows NOCASE, not
 * the MySQL collation's order. So on SQLite the baseline's search totals may be lower than wc-host's (the bench shows
 * both totals).
 */
import type { WpUser, WpUserMeta } from '../entities';
import type { Row } from '../src/db/rows';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createHmac } from 'node:crypto';
import { openBaselineDriver, type Queryable } from './baselineDriver';

const timeoutSeconds = Number(process.env.BENCH_BASELINE_TIMEOUT_SECONDS ?? 35);
const db = openBaselineDriver(required('BENCH_DATABASE_URL'), { statementTimeoutSeconds: timeoutSeconds });
const prefix = process.env.BENCH_TABLE_PREFIX ?? 'wp_';
const users = `${prefix}users`;
const usermeta = `${prefix}usermeta`;
const posts = `${prefix}posts`;
const postmeta = `${prefix}postmeta`;
const orders = `${prefix}wc_orders`;
/** wc_get_order_statuses() and wc_get_is_paid_statuses(), as stored. */
const ORDER_STATUSES = [
  'wc-pending',
  'wc-processing',
  'wc-on-hold',
  'wc-completed',
  'wc-cancelled',
  'wc-refunded',
  'wc-failed',
  'wc-checkout-draft',
];
const PAID_STATUSES = ['wc-processing', 'wc-completed'];
const statusList = (statuses: readonly string[]) => `( '${statuses.join("','")}' )`;
/** WC_Customer_Data_Store's internal meta keys: left out of meta_data (with anything holding the table prefix). */
const INTERNAL_META = new Set([
  'locale',
  'billing_postcode',
  'billing_city',
  'billing_address_1',
  'billing_address_2',
  'billing_state',
  'billing_country',
  'shipping_postcode',
  'shipping_city',
  'shipping_address_1',
  'shipping_address_2',
  'shipping_state',
  'shipping_country',
  'paying_customer',
  'last_update',
  'first_name',
  'last_name',
  'display_name',
  'show_admin_bar_front',
  'use_ssl',
  'admin_color',
  'rich_editing',
  'comment_shortcuts',
  'dismissed_wp_pointers',
  'show_welcome_panel',
  'session_tokens',
  'nickname',
  'description',
  'billing_first_name',
  'billing_last_name',
  'billing_company',
  'billing_phone',
  'billing_email',
  'shipping_first_name',
  'shipping_last_name',
  'shipping_company',
  'shipping_phone',
  'syntax_highlighting',
  '_order_count',
  '_money_spent',
  '_last_order',
  '_woocommerce_tracks_anon_id',
]);

type UserRow = Pick<Row<WpUser>, 'ID' | 'user_login' | 'user_email' | 'user_registered' | 'display_name'>;
type MetaRow = Pick<Row<WpUserMeta>, 'user_id' | 'meta_value'> & { meta_key: string };
interface OrderFigures {
  count: number;
  spent: number;
}

/** What the site is set up with (servers are restarted when the bench switches storage). */
interface SiteSetup {
  hpos: boolean;
  ignoreHostKey: string;
}

async function readSite(): Promise<SiteSetup> {
  const [option] = await db.all<{ option_value: string }>(
    `SELECT option_value FROM ${prefix}options WHERE option_name = 'woocommerce_custom_orders_table_enabled'`,
  );
  let ignoreHostKey = '';
  if (db.dialect === 'mysql') {
    const [hostKey] = await db.all(
      `SELECT 1 AS present FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'wc_host_customer_user' LIMIT 1`,
      [postmeta],
    );
    if (hostKey) ignoreHostKey = 'IGNORE INDEX (wc_host_customer_user)';
  }
  return { hpos: option?.option_value === 'yes', ignoreHostKey };
}

/**
 * The setup, read on first use and kept; a failed read is tried again by the next request. Read at start-up instead,
 * a failure nobody awaited yet ended the process: the bench ends the statements left on its database between
 * scenarios, and once that was this read of a just restarted baseline.
 */
let siteSetup: Promise<SiteSetup> | null = null;
function site(): Promise<SiteSetup> {
  siteSetup ??= readSite().catch((error: unknown) => {
    siteSetup = null;
    throw error;
  });
  return siteSetup;
}

const app = express();

app.use(async (req: Request, res: Response, next: NextFunction) => {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return void res.status(401).json({ code: 'unauthorized' });
  const [ck, cs] = Buffer.from(encoded, 'base64').toString().split(':');
  const [key] = await db.all<{ consumer_secret: string; meta_value: string | null }>(
    `SELECT k.key_id, k.user_id, k.permissions, k.consumer_secret, k.nonces, k.last_access, u.ID, u.user_login, u.user_email,
            (SELECT m.meta_value FROM ${usermeta} m WHERE m.user_id = u.ID AND m.meta_key = ? ORDER BY m.umeta_id LIMIT 1) AS meta_value
       FROM ${prefix}woocommerce_api_keys k LEFT JOIN ${users} u ON u.ID = k.user_id
      WHERE k.consumer_key = ? ORDER BY k.key_id LIMIT 1`,
    [`${prefix}capabilities`, createHmac('sha256', 'wc-api').update(ck).digest('hex')],
  );
  if (!key || key.consumer_secret !== cs) return void res.status(401).json({ code: 'unauthorized' });
  if (!key.meta_value?.includes('"administrator"')) return void res.status(403).json({ code: 'forbidden' });
  next();
});

for (const version of ['v2', 'v3'] as const) {
  const withOrders = version === 'v2';

  app.get(`/wp-json/wc/${version}/customers/:id`, async (req, res) => {
    const [row] = await db.all<UserRow>(`SELECT * FROM ${users} WHERE ID = ? LIMIT 1`, [Number(req.params.id)]);
    if (!row) return void res.status(404).json({ code: 'woocommerce_rest_invalid_id' });
    res.json(await customer(db, row, withOrders));
  });

  app.get(`/wp-json/wc/${version}/customers`, async (req, res) => {
    const query = listQuery(req.query);
    const { rows, total } = await db.session(async (connection) => {
      if (db.dialect === 'mysql') {
        const found = await connection.all<UserRow>(
          `SELECT SQL_CALC_FOUND_ROWS ${users}.* ${query.from} ${query.where} ${query.orderBy} ${query.limit}`,
          query.params,
        );
        const [{ count }] = await connection.all<{ count: number }>('SELECT FOUND_ROWS() AS count');
        return { rows: found, total: Number(count) };
      }
      const found = await connection.all<UserRow>(
        `SELECT ${users}.* ${query.from} ${query.where} ${query.orderBy} ${query.limit}`,
        query.params,
      );
      const [{ count }] = await connection.all<{ count: number }>(
        `SELECT COUNT(*) AS count ${query.from} ${query.where}`,
        query.params,
      );
      return { rows: found, total: Number(count) };
    });
    const listed = [];
    // One WC_Customer per row, one after the other, as PHP runs them.
    for (const row of rows) listed.push(await customer(db, row, withOrders));
    res.setHeader('X-WP-Total', String(total));
    res.setHeader('X-WP-TotalPages', String(Math.ceil(total / query.perPage)));
    res.json(listed);
  });
}

/** WC_REST_Customers_Controller::get_items → WP_User_Query's FROM, WHERE, ORDER BY and LIMIT. */
function listQuery(q: Request['query']): {
  from: string;
  where: string;
  orderBy: string;
  limit: string;
  params: unknown[];
  perPage: number;
} {
  const text = (name: string) => (typeof q[name] === 'string' ? q[name] : '');
  const perPage = Number(text('per_page') || 10);
  const page = Number(text('page') || 1);
  const role = text('role') || 'customer';
  const where = ['1=1'];
  const params: unknown[] = [];
  let from = `FROM ${users}`;
  if (role !== 'all') {
    from += ` INNER JOIN ${usermeta} ON ( ${users}.ID = ${usermeta}.user_id )`;
    where.push(`( ( ${usermeta}.meta_key = ? AND ${usermeta}.meta_value LIKE ? ) )`);
    params.push(`${prefix}capabilities`, `%"${role}"%`);
  }
  if (text('email')) {
    where.push('(user_email = ?)');
    params.push(text('email'));
  } else if (text('search')) {
    // WP_User_Query: `*term*` searches these five columns (the bench's terms have no `@`, digits, URL or LIKE wildcard).
    const like = `%${text('search')}%`;
    where.push(
      '(user_login LIKE ? OR user_url LIKE ? OR user_email LIKE ? OR user_nicename LIKE ? OR display_name LIKE ?)',
    );
    params.push(like, like, like, like, like);
  }
  const include = text('include').split(',').filter(Boolean).map(Number);
  if (include.length > 0) where.push(`${users}.ID IN (${include.map((id) => Math.trunc(id)).join(',')})`);
  const column =
    { id: 'ID', registered_date: 'user_registered', name: 'display_name' }[text('orderby') || 'name'] ?? 'display_name';
  const direction = text('order').toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  return {
    from,
    where: `WHERE ${where.join(' AND ')}`,
    orderBy: `ORDER BY ${column} ${direction}`,
    limit: `LIMIT ${(page - 1) * perPage}, ${perPage}`,
    params,
    perPage,
  };
}

/** `new WC_Customer($id)` and the v2/v3 response: the user's meta, then (v2) its order figures. */
async function customer(connection: Queryable, row: UserRow, withOrders: boolean): Promise<Record<string, unknown>> {
  const meta = await connection.all<MetaRow>(
    `SELECT user_id, meta_key, meta_value FROM ${usermeta} WHERE user_id IN (?) ORDER BY umeta_id ASC`,
    [row.ID],
  );
  const figures = withOrders ? await orderFigures(connection, Number(row.ID)) : null;
  return shape(row, meta, figures);
}

/** WC_Customer_Data_Store::get_order_count and ::get_total_spent, uncached, for the storage in use. */
async function orderFigures(connection: Queryable, id: number): Promise<OrderFigures> {
  const { hpos, ignoreHostKey } = await site();
  if (hpos) {
    const [{ count }] = await connection.all<{ count: number }>(
      `SELECT COUNT(id) AS count FROM ${orders} WHERE customer_id = ? AND status in ${statusList(ORDER_STATUSES)}`,
      [id],
    );
    const [{ spent }] = await connection.all<{ spent: number | null }>(
      `SELECT SUM(total_amount) AS spent FROM ${orders} WHERE customer_id = ? AND status in ${statusList(PAID_STATUSES)}`,
      [id],
    );
    return { count: Number(count), spent: Number(spent ?? 0) };
  }
  const value = db.dialect === 'sqlite' ? '+meta.meta_value' : 'meta.meta_value';
  const [{ count }] = await connection.all<{ count: number }>(
    `SELECT COUNT(*) AS count FROM ${posts} as posts LEFT JOIN ${postmeta} AS meta ${ignoreHostKey} ON posts.ID = meta.post_id
      WHERE meta.meta_key = '_customer_user' AND posts.post_type = 'shop_order' AND posts.post_status IN ${statusList(ORDER_STATUSES)}
        AND ${value} = ?`,
    [String(id)],
  );
  const [{ spent }] = await connection.all<{ spent: number | null }>(
    `SELECT SUM(meta2.meta_value) AS spent FROM ${posts} as posts
       LEFT JOIN ${postmeta} AS meta ${ignoreHostKey} ON posts.ID = meta.post_id
       LEFT JOIN ${postmeta} AS meta2 ${ignoreHostKey} ON posts.ID = meta2.post_id
      WHERE meta.meta_key = '_customer_user' AND ${value} = ? AND posts.post_type = 'shop_order'
        AND posts.post_status IN ${statusList(PAID_STATUSES)} AND meta2.meta_key = '_order_total'`,
    [String(id)],
  );
  return { count: Number(count), spent: Number(spent ?? 0) };
}

/** A user shaped like the v2/v3 customer object (no hooks, no schema, no context filtering). */
function shape(row: UserRow, meta: MetaRow[], figures: OrderFigures | null): Record<string, unknown> {
  const m = new Map<string, string>();
  for (const { meta_key, meta_value } of meta) if (!m.has(meta_key)) m.set(meta_key, meta_value ?? '');
  const address = (type: string, fields: string[]) =>
    Object.fromEntries(fields.map((f) => [f, m.get(`${type}_${f}`) ?? '']));
  const fields = [
    'first_name',
    'last_name',
    'company',
    'address_1',
    'address_2',
    'city',
    'postcode',
    'country',
    'state',
  ];
  const iso = String(row.user_registered).replace(' ', 'T');
  const modified = m.get('last_update')
    ? new Date(Number(m.get('last_update')) * 1000).toISOString().slice(0, 19)
    : null;
  const capabilities = m.get(`${prefix}capabilities`) ?? '';
  return {
    id: Number(row.ID),
    date_created: iso,
    date_created_gmt: iso,
    date_modified: modified,
    date_modified_gmt: modified,
    email: row.user_email,
    first_name: m.get('first_name') ?? '',
    last_name: m.get('last_name') ?? '',
    role: /"([^"]+)"/.exec(capabilities)?.[1] ?? 'customer',
    username: row.user_login,
    billing: address('billing', [...fields, 'email', 'phone']),
    shipping: address('shipping', [...fields, 'phone']),
    is_paying_customer: m.get('paying_customer') === '1',
    ...(figures ? { orders_count: figures.count, total_spent: figures.spent.toFixed(2) } : {}),
    avatar_url: `https://secure.gravatar.com/avatar/?s=96&d=mm&r=g`,
    meta_data: meta
      .filter(
        ({ meta_key }) =>
          !INTERNAL_META.has(meta_key) && !meta_key.includes(prefix) && !meta_key.toLowerCase().startsWith('wp_'),
      )
      .map(({ meta_key, meta_value }, index) => ({ id: index, key: meta_key, value: meta_value })),
    _links: {
      self: [{ href: `/wp-json/wc/v3/customers/${row.ID}` }],
      collection: [{ href: '/wp-json/wc/v3/customers' }],
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`baseline listening\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
