/**
 * The baseline: a bare Express server over the raw driver doing the same SQL work as wc-host for the benchmarked
 * requests — the API-key lookup and user/capabilities query, then the customer queries — with no host, hooks, REST
 * layer or ORM. Its list queries are the naive WooCommerce ones: an INNER JOIN on `{prefix}capabilities` with
 * `LIKE '%"customer"%'`, ordered by display_name, then a separate COUNT, then each listed user's meta read on its own
 * (WooCommerce builds one WC_Customer per row). The order figures are read per page, as wc-host reads them.
 *
 * Queries per request: GET one 6 (key, user + caps, user row, meta, order count, order total); a list page of n users
 * 7 + n (key, user + caps, page, COUNT, user rows, n meta reads, order count, order total).
 */
import { createHmac } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import bcrypt from 'bcrypt';
import { openBaselineDriver } from './baselineDriver';

const db = openBaselineDriver(required('BENCH_DATABASE_URL'));
const prefix = process.env.BENCH_TABLE_PREFIX ?? 'wp_';
const users = `${prefix}users`;
const usermeta = `${prefix}usermeta`;

interface UserRow {
  ID: number;
  user_login: string;
  user_email: string;
  user_registered: string;
  display_name: string;
}

const app = express();
app.use(express.json({ limit: '8mb' }));

app.use(async (req: Request, res: Response, next: NextFunction) => {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return void res.status(401).json({ code: 'unauthorized' });
  const [ck, cs] = Buffer.from(encoded, 'base64').toString().split(':');
  const hashed = createHmac('sha256', 'wc-api').update(ck).digest('hex');
  const [key] = await db.all<{ user_id: number; consumer_secret: string }>(
    `SELECT key_id, user_id, permissions, consumer_key, consumer_secret, nonces, last_access FROM ${prefix}woocommerce_api_keys WHERE consumer_key = ?`,
    [hashed],
  );
  if (!key || key.consumer_secret !== cs) return void res.status(401).json({ code: 'unauthorized' });
  const [user] = await db.all<{ meta_value: string | null }>(
    `SELECT u.ID, u.user_login, u.user_email, m.meta_value FROM ${users} u LEFT JOIN ${usermeta} m ON m.user_id = u.ID AND m.meta_key = ? WHERE u.ID = ? ORDER BY m.umeta_id LIMIT 1`,
    [`${prefix}capabilities`, key.user_id],
  );
  if (!user?.meta_value?.includes('"administrator"')) return void res.status(403).json({ code: 'forbidden' });
  next();
});

app.get('/wp-json/wc/v2/customers/:id', async (req, res) => {
  const [customer] = await customers([Number(req.params.id)]);
  if (!customer) return void res.status(404).json({ code: 'wc_user_invalid_id' });
  res.json(customer);
});

app.get('/wp-json/wc/v2/customers', async (req, res) => {
  const perPage = Number(req.query.per_page ?? 10);
  const page = Number(req.query.page ?? 1);
  const where: string[] = [];
  const params: unknown[] = [];
  let join = '';
  if (req.query.role !== 'all') {
    join = `INNER JOIN ${usermeta} m ON m.user_id = u.ID`;
    where.push(`m.meta_key = ? AND m.meta_value LIKE ?`);
    params.push(`${prefix}capabilities`, `%"${String(req.query.role ?? 'customer')}"%`);
  }
  if (req.query.search) {
    const like = `%${String(req.query.search)}%`;
    where.push('(u.user_login LIKE ? OR u.user_url LIKE ? OR u.user_email LIKE ? OR u.user_nicename LIKE ? OR u.display_name LIKE ?)');
    params.push(like, like, like, like, like);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = req.query.orderby === 'registered_date' ? 'u.user_registered' : 'u.display_name';
  const ids = await db.all<{ ID: number }>(
    `SELECT u.ID FROM ${users} u ${join} ${whereSql} ORDER BY ${order} ASC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    params,
  );
  const [{ total }] = await db.all<{ total: number }>(`SELECT COUNT(*) AS total FROM ${users} u ${join} ${whereSql}`, params);
  res.setHeader('X-WP-Total', String(total));
  res.setHeader('X-WP-TotalPages', String(Math.ceil(Number(total) / perPage)));
  res.json(await customers(ids.map((row) => Number(row.ID)), { metaPerUser: true }));
});

app.post('/wp-json/wc/v2/customers/batch', async (req, res) => {
  const created = [];
  for (const item of (req.body.create ?? []) as Array<{ email: string; first_name?: string; last_name?: string }>) {
    const hash = `$wp${(await bcrypt.hash(createHmac('sha384', 'wp-sha384').update('generated-pass').digest('base64'), 10)).replace('$2b$', '$2y$')}`;
    const login = item.email.split('@')[0].toLowerCase();
    const id = await db.transaction(async () => {
      const [taken] = await db.all(`SELECT ID FROM ${users} WHERE user_email = ? OR user_login = ? LIMIT 1`, [item.email, login]);
      if (taken) return 0;
      const newId = await db.run(
        `INSERT INTO ${users} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES (?, ?, ?, ?, '', ?, '', 0, ?)`,
        [login, hash, login.replace(/\./g, '-'), item.email, new Date().toISOString().slice(0, 19).replace('T', ' '), login],
      );
      const meta: Array<[string, string]> = [
        ['nickname', login], ['first_name', item.first_name ?? ''], ['last_name', item.last_name ?? ''], ['description', ''],
        ['rich_editing', 'true'], ['syntax_highlighting', 'true'], ['comment_shortcuts', 'false'], ['admin_color', 'fresh'],
        ['use_ssl', '0'], ['show_admin_bar_front', 'true'], ['locale', ''], [`${prefix}capabilities`, 'a:1:{s:8:"customer";b:1;}'],
        [`${prefix}user_level`, '0'], ['last_update', String(Math.floor(Date.now() / 1000))],
      ];
      await db.run(
        `INSERT INTO ${usermeta} (user_id, meta_key, meta_value) VALUES ${meta.map(() => '(?, ?, ?)').join(', ')}`,
        meta.flatMap(([key, value]) => [newId, key, value]),
      );
      return newId;
    });
    created.push(id ? (await customers([id]))[0] : { id: 0, error: { code: 'registration-error-email-exists' } });
  }
  res.json({ create: created });
});

/**
 * The users and all their meta, shaped like the v2 object (no hooks, no schema, no context filtering). With
 * `metaPerUser`, each user's meta is one query, one user after the other, as WooCommerce's list does.
 */
async function customers(ids: number[], { metaPerUser = false } = {}): Promise<Array<Record<string, unknown>>> {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const rows = await db.all<UserRow>(`SELECT ID, user_login, user_email, user_registered, display_name FROM ${users} WHERE ID IN (${marks})`, ids);
  type MetaRow = { user_id: number; meta_key: string; meta_value: string };
  const metaSql = (count: number) =>
    `SELECT umeta_id, user_id, meta_key, meta_value FROM ${usermeta} WHERE user_id IN (${ids.slice(0, count).map(() => '?').join(', ')}) ORDER BY umeta_id`;
  const meta: MetaRow[] = [];
  if (metaPerUser) for (const id of ids) meta.push(...(await db.all<MetaRow>(metaSql(1), [id])));
  else meta.push(...(await db.all<MetaRow>(metaSql(ids.length), ids)));
  const byUser = new Map<number, Map<string, string>>();
  for (const row of meta) {
    const map = byUser.get(Number(row.user_id)) ?? new Map<string, string>();
    if (!map.has(row.meta_key)) map.set(row.meta_key, row.meta_value);
    byUser.set(Number(row.user_id), map);
  }
  // WooCommerce's own order-figure queries for the page (posts storage): the count, then the paid total.
  const counts = await db.all<{ customer_id: string; orders_count: number }>(
    `SELECT meta.meta_value AS customer_id, COUNT(*) AS orders_count FROM ${prefix}posts AS posts INNER JOIN ${prefix}postmeta AS meta ON posts.ID = meta.post_id
      WHERE meta.meta_key = '_customer_user' AND meta.meta_value IN (${marks}) AND posts.post_type = 'shop_order'
        AND posts.post_status IN ('wc-pending','wc-processing','wc-on-hold','wc-completed','wc-cancelled','wc-refunded','wc-failed','wc-checkout-draft')
      GROUP BY meta.meta_value`,
    ids.map(String),
  );
  const totals = await db.all<{ customer_id: string; total_spent: number }>(
    `SELECT meta.meta_value AS customer_id, SUM(meta2.meta_value) AS total_spent FROM ${prefix}posts AS posts
      INNER JOIN ${prefix}postmeta AS meta ON posts.ID = meta.post_id INNER JOIN ${prefix}postmeta AS meta2 ON posts.ID = meta2.post_id
      WHERE meta.meta_key = '_customer_user' AND meta.meta_value IN (${marks}) AND posts.post_type = 'shop_order'
        AND posts.post_status IN ('wc-processing','wc-completed') AND meta2.meta_key = '_order_total'
      GROUP BY meta.meta_value`,
    ids.map(String),
  );
  const orderCount = new Map(counts.map((row) => [Number(row.customer_id), Number(row.orders_count)]));
  const spent = new Map(totals.map((row) => [Number(row.customer_id), Number(row.total_spent)]));
  const byId = new Map(rows.map((row) => [Number(row.ID), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const m = byUser.get(id) ?? new Map<string, string>();
    const address = (type: string) =>
      Object.fromEntries(['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postcode', 'country', 'state', 'email', 'phone'].map((f) => [f, m.get(`${type}_${f}`) ?? '']));
    const iso = row.user_registered.replace(' ', 'T');
    return [{
      id, date_created: iso, date_created_gmt: iso, email: row.user_email, first_name: m.get('first_name') ?? '',
      last_name: m.get('last_name') ?? '', role: 'customer', username: row.user_login, billing: address('billing'),
      shipping: address('shipping'), is_paying_customer: false, orders_count: orderCount.get(id) ?? 0, total_spent: (spent.get(id) ?? 0).toFixed(2),
    }];
  });
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
