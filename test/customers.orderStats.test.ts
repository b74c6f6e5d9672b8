import { createTestHost, type TestHost } from './helpers/testHost';
import type { Db } from '../src/db/types';

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const auth = () => [t.adminKey.consumerKey, t.adminKey.consumerSecret] as const;

async function createCustomer(email: string): Promise<number> {
  const response = await t.http
    .post('/wp-json/wc/v2/customers')
    .auth(...auth())
    .send({ email })
    .expect(201);
  return response.body.id;
}

let nextOrderId = 1000;

/** A classic-storage order as WooCommerce writes it: a shop_order post with `_customer_user` and `_order_total`. */
async function postsOrder(
  db: Db,
  customerId: number,
  status: string,
  total: string,
  type = 'shop_order',
): Promise<number> {
  const id = nextOrderId++;
  await db.execute(
    `INSERT INTO ${db.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count)
     VALUES (?, 1, ?, ?, '', ?, '', ?, '', '', '', '', ?, ?, '', 0, '', 0, ?, '', 0)`,
    [
      id,
      `2024-01-0${(id % 9) + 1} 10:00:00`,
      `2024-01-0${(id % 9) + 1} 10:00:00`,
      `Order #${id}`,
      status,
      '2024-01-01 10:00:00',
      '2024-01-01 10:00:00',
      type,
    ],
  );
  for (const [key, value] of [
    ['_customer_user', String(customerId)],
    ['_order_total', total],
    ['_order_key', `wc_order_${id}`],
  ]) {
    await db.execute(`INSERT INTO ${db.table('postmeta')} (post_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
      id,
      key,
      value,
    ]);
  }
  return id;
}

/** An HPOS order row as WooCommerce writes it in `wc_orders`. */
async function hposOrder(
  db: Db,
  customerId: number,
  status: string,
  total: string,
  type = 'shop_order',
): Promise<number> {
  const id = nextOrderId++;
  await db.execute(
    `INSERT INTO ${db.table('wc_orders')} (id, status, currency, type, tax_amount, total_amount, customer_id, billing_email, date_created_gmt, date_updated_gmt, parent_order_id)
     VALUES (?, ?, 'USD', ?, 0, ?, ?, '', '2024-02-01 09:00:00', '2024-02-01 09:00:00', 0)`,
    [id, status, type, total, customerId],
  );
  return id;
}

async function figures(id: number, namespace = 'wc/v2') {
  const response = await t.http
    .get(`/wp-json/${namespace}/customers/${id}`)
    .auth(...auth())
    .expect(200);
  return response.body;
}

describe('order figures over the classic posts storage', () => {
  it('counts orders of every listed status and sums only paid ones, as a two-decimal string', async () => {
    const db = t.host.db;
    const id = await createCustomer('posts.buyer@example.com');
    await postsOrder(db, id, 'wc-completed', '10.50');
    await postsOrder(db, id, 'wc-processing', '4.25');
    await postsOrder(db, id, 'wc-pending', '99.00');
    await postsOrder(db, id, 'wc-cancelled', '7.00');
    await postsOrder(db, id, 'trash', '50.00');
    await postsOrder(db, id, 'wc-completed', '3.00', 'shop_order_refund');
    expect(await figures(id)).toMatchObject({ orders_count: 4, total_spent: '14.75' });
  });

  it('reads a whole list page with each customer’s own figures', async () => {
    const db = t.host.db;
    const a = await createCustomer('list.a@example.com');
    const b = await createCustomer('list.b@example.com');
    await postsOrder(db, a, 'wc-completed', '1234.5');
    const response = await t.http
      .get(`/wp-json/wc/v2/customers?include=${a},${b}&orderby=include`)
      .auth(...auth())
      .expect(200);
    expect(
      response.body.map((c: { id: number; orders_count: number; total_spent: string }) => [
        c.id,
        c.orders_count,
        c.total_spent,
      ]),
    ).toEqual([
      [a, 1, '1234.50'],
      [b, 0, '0.00'],
    ]);
  });

  it('gives wc/v1 the last order with its UTC date, and nothing to a customer without orders', async () => {
    const db = t.host.db;
    const id = await createCustomer('v1.buyer@example.com');
    expect((await figures(id, 'wc/v1')).last_order).toEqual({ id: null, date: null });
    await postsOrder(db, id, 'wc-on-hold', '5.00');
    const last = await postsOrder(db, id, 'wc-completed', '6.00');
    const body = await figures(id, 'wc/v1');
    expect(body.last_order.id).toBe(last);
    expect(body.last_order.date).toMatch(/^2024-01-0\dT10:00:00$/);
    expect(body).toMatchObject({ orders_count: 2, total_spent: '6.00' });
  });

  it('turns the orders of a deleted customer into guest orders', async () => {
    const db = t.host.db;
    const id = await createCustomer('posts.leaver@example.com');
    const order = await postsOrder(db, id, 'wc-completed', '8.00');
    await t.http
      .delete(`/wp-json/wc/v2/customers/${id}?force=true`)
      .auth(...auth())
      .expect(200);
    const rows = await db.query<{ meta_value: string }>(
      `SELECT meta_value FROM ${db.table('postmeta')} WHERE post_id = ? AND meta_key = '_customer_user'`,
      [order],
    );
    expect(rows).toEqual([{ meta_value: '0' }]);
  });
});

describe('order figures over HPOS (woocommerce_custom_orders_table_enabled = yes)', () => {
  beforeAll(async () => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'yes');
  });

  afterAll(async () => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'no');
  });

  it('counts and sums from wc_orders, ignoring the posts tables', async () => {
    const db = t.host.db;
    const id = await createCustomer('hpos.buyer@example.com');
    await hposOrder(db, id, 'wc-completed', '20.00000000');
    await hposOrder(db, id, 'wc-processing', '0.10000000');
    await hposOrder(db, id, 'wc-failed', '9.00000000');
    // WooCommerce writes refunds without a customer: its queries filter on customer and status only.
    await hposOrder(db, 0, 'wc-completed', '-5.00000000', 'shop_order_refund');
    await postsOrder(db, id, 'wc-completed', '1000.00');
    expect(await figures(id)).toMatchObject({ orders_count: 3, total_spent: '20.10' });
  });

  it('turns the orders of a deleted customer into guest orders in wc_orders', async () => {
    const db = t.host.db;
    const id = await createCustomer('hpos.leaver@example.com');
    const order = await hposOrder(db, id, 'wc-completed', '8.00000000');
    await t.http
      .delete(`/wp-json/wc/v2/customers/${id}?force=true`)
      .auth(...auth())
      .expect(200);
    const rows = await db.query<{ customer_id: number | string }>(
      `SELECT customer_id FROM ${db.table('wc_orders')} WHERE id = ?`,
      [order],
    );
    expect(rows.map((row) => Number(row.customer_id))).toEqual([0]);
  });
});
