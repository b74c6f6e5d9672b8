/**
 * The baseline: a bare Express server over the raw driver, with no host, hooks, REST layer, schema or ORM.
 *
 * - Authentication and GET /customers/<id> run the very statements wc-host runs (src/auth/findKeyWithUser.ts,
 *   plugins/customers/store/loadUsers.ts, plugins/customers/orders/postsOrderStats.ts), so the ratio of the two is
 *   what the host itself costs: GET one = 3 queries on MariaDB (key + user + caps, user + meta, order figures), 4 on
 *   SQLite (user and meta apart).
 * - The lists are the naive WooCommerce queries: an INNER JOIN on `{prefix}capabilities` with `LIKE '%"customer"%'`,
 *   ordered by display_name, a separate COUNT, the user rows, then each listed user's meta read on its own (WooCommerce
 *   builds one WC_Customer per row), then the order figures of the page: 5 + n queries for a page of n.
 * - A batch create hashes each password with bcrypt (cost 10) and inserts the user row and its meta.
 */
import { createHmac } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import bcrypt from 'bcrypt';
import { openBaselineDriver } from './baselineDriver';

const db = openBaselineDriver(required('BENCH_DATABASE_URL'));
const prefix = process.env.BENCH_TABLE_PREFIX ?? 'wp_';
const users = `${prefix}users`;
const usermeta = `${prefix}usermeta`;
const USER_COLUMNS = 'ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name';
const LISTED_STATUSES = ['wc-pending', 'wc-processing', 'wc-on-hold', 'wc-completed', 'wc-cancelled', 'wc-refunded', 'wc-failed', 'wc-checkout-draft'];
const PAID_STATUSES = ['wc-processing', 'wc-completed'];

interface UserRow {
  ID: number;
  user_login: string;
  user_email: string;
  user_registered: string;
  display_name: string;
}
interface MetaRow {
  umeta_id: number;
  user_id: number;
  meta_key: string;
  meta_value: string | null;
}
interface User {
  row: UserRow;
  meta: MetaRow[];
}

const app = express();
app.use(express.json({ limit: '8mb' }));

app.use(async (req: Request, res: Response, next: NextFunction) => {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return void res.status(401).json({ code: 'unauthorized' });
  const [ck, cs] = Buffer.from(encoded, 'base64').toString().split(':');
  const [key] = await db.all<{ consumer_secret: string; ID: number | null; meta_value: string | null }>(
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

app.get('/wp-json/wc/v2/customers/:id', async (req, res) => {
  const id = Number(req.params.id);
  const user = await loadUser(id);
  if (!user) return void res.status(404).json({ code: 'wc_user_invalid_id' });
  res.json(shape(user, (await orderFigures([id])).get(id)));
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
  const ids = (
    await db.all<{ ID: number }>(`SELECT u.ID FROM ${users} u ${join} ${whereSql} ORDER BY ${order} ASC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`, params)
  ).map((row) => Number(row.ID));
  const [{ total }] = await db.all<{ total: number }>(`SELECT COUNT(*) AS total FROM ${users} u ${join} ${whereSql}`, params);
  res.setHeader('X-WP-Total', String(total));
  res.setHeader('X-WP-TotalPages', String(Math.ceil(Number(total) / perPage)));
  if (ids.length === 0) return void res.json([]);
  const rows = await db.all<UserRow>(`SELECT ${USER_COLUMNS} FROM ${users} WHERE ID IN (${marks(ids)})`, ids);
  const listed: User[] = [];
  for (const row of rows) {
    // One WC_Customer per row: its meta read on its own.
    listed.push({ row, meta: await db.all<MetaRow>(`SELECT umeta_id, user_id, meta_key, meta_value FROM ${usermeta} WHERE user_id = ? ORDER BY umeta_id`, [row.ID]) });
  }
  const figures = await orderFigures(ids);
  const byId = new Map(listed.map((user) => [Number(user.row.ID), user]));
  res.json(ids.flatMap((id) => (byId.has(id) ? [shape(byId.get(id) as User, figures.get(id))] : [])));
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
    const user = id ? await loadUser(id) : null;
    created.push(user ? shape(user, (await orderFigures([id])).get(id)) : { id: 0, error: { code: 'registration-error-email-exists' } });
  }
  res.json({ create: created });
});

/** One user and its meta as wc-host's loadUsers reads it: one joined query on MySQL, two on SQLite. */
async function loadUser(id: number): Promise<User | null> {
  if (db.dialect === 'mysql') {
    const rows = await db.all<UserRow & { umeta_id: number | null; meta_key: string; meta_value: string | null }>(
      `SELECT ${USER_COLUMNS}, m.umeta_id, m.meta_key, m.meta_value FROM ${users} u LEFT JOIN ${usermeta} m ON m.user_id = u.ID WHERE u.ID = ?`,
      [id],
    );
    if (rows.length === 0) return null;
    const meta = rows.filter((row) => row.umeta_id !== null).map((row) => ({ ...row, user_id: id }) as MetaRow);
    return { row: rows[0], meta: meta.sort((a, b) => Number(a.umeta_id) - Number(b.umeta_id)) };
  }
  const [row] = await db.all<UserRow>(`SELECT ${USER_COLUMNS} FROM ${users} WHERE ID IN (?)`, [id]);
  if (!row) return null;
  return { row, meta: await db.all<MetaRow>(`SELECT umeta_id, user_id, meta_key, meta_value FROM ${usermeta} WHERE user_id IN (?) ORDER BY umeta_id`, [id]) };
}

/** WooCommerce's order count and paid total per customer of a page (posts storage), in wc-host's one query. */
async function orderFigures(ids: number[]): Promise<Map<number, { count: number; spent: number }>> {
  const listed = `posts.post_status IN (${marks(LISTED_STATUSES)})`;
  const rows = await db.all<{ customer_id: string; orders_count: number | null; total_spent: number | null }>(
    `SELECT page.customer_id, page.orders_count, page.last_order_id, page.total_spent, last_order.post_date_gmt, last_order.post_date
       FROM (SELECT SUBSTR(meta.meta_value, 1, 20) AS customer_id,
                    SUM(CASE WHEN ${listed} THEN 1 ELSE 0 END) AS orders_count,
                    MAX(CASE WHEN ${listed} THEN posts.ID END) AS last_order_id,
                    SUM(CASE WHEN posts.post_status IN (${marks(PAID_STATUSES)}) THEN
                          (SELECT SUM(total.meta_value) FROM ${prefix}postmeta AS total WHERE total.post_id = posts.ID AND total.meta_key = '_order_total') END) AS total_spent
               FROM ${prefix}posts AS posts INNER JOIN ${prefix}postmeta AS meta ON posts.ID = meta.post_id
              WHERE meta.meta_key = '_customer_user' AND meta.meta_value IN (${marks(ids)})
                AND posts.post_type = 'shop_order' AND posts.post_status IN (${marks(LISTED_STATUSES)})
              GROUP BY SUBSTR(meta.meta_value, 1, 20)) AS page
       LEFT JOIN ${prefix}posts AS last_order ON last_order.ID = page.last_order_id`,
    [...LISTED_STATUSES, ...LISTED_STATUSES, ...PAID_STATUSES, ...ids.map(String), ...LISTED_STATUSES],
  );
  return new Map(rows.map((row) => [Number(row.customer_id), { count: Number(row.orders_count ?? 0), spent: Number(row.total_spent ?? 0) }]));
}

/** A user shaped like the v2 customer object (no hooks, no schema, no context filtering). */
function shape({ row, meta }: User, figures: { count: number; spent: number } | undefined): Record<string, unknown> {
  const m = new Map<string, string>();
  for (const { meta_key, meta_value } of meta) if (!m.has(meta_key)) m.set(meta_key, meta_value ?? '');
  const address = (type: string) =>
    Object.fromEntries(['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'postcode', 'country', 'state', 'email', 'phone'].map((f) => [f, m.get(`${type}_${f}`) ?? '']));
  const iso = String(row.user_registered).replace(' ', 'T');
  return {
    id: Number(row.ID), date_created: iso, date_created_gmt: iso, email: row.user_email, first_name: m.get('first_name') ?? '',
    last_name: m.get('last_name') ?? '', role: 'customer', username: row.user_login, billing: address('billing'),
    shipping: address('shipping'), is_paying_customer: false, orders_count: figures?.count ?? 0, total_spent: (figures?.spent ?? 0).toFixed(2),
  };
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
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
