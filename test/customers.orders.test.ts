import { createTestHost, type TestHost } from './helpers/testHost';
import type { Db } from '../src/db/types';

/**
 * Order figures and guest orders beyond the basics of customers.orderStats.test.ts: a list page costs a constant
 * number of order queries, the Blocks draft status and plugin statuses count, the posts zero GMT date, and the
 * posts-side copy WooCommerce resets when HPOS keeps it in sync.
 */

let t: TestHost;
let nextOrderId = 7000;

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

/** A shop_order post with the meta WooCommerce's posts storage writes for it. */
async function postsOrder(
  db: Db,
  customerId: number,
  status: string,
  total: string,
  dates = { local: '2024-05-01 12:00:00', gmt: '2024-05-01 10:00:00' },
): Promise<number> {
  const id = nextOrderId++;
  await db.execute(
    `INSERT INTO ${db.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count)
     VALUES (?, 1, ?, ?, '', ?, '', ?, '', '', '', '', ?, ?, '', 0, '', 0, 'shop_order', '', 0)`,
    [id, dates.local, dates.gmt, `Order #${id}`, status, dates.local, dates.gmt],
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

/** An HPOS order: the wc_orders row and its operational data. */
async function hposOrder(db: Db, customerId: number, status: string, total: string): Promise<number> {
  const id = nextOrderId++;
  await db.execute(
    `INSERT INTO ${db.table('wc_orders')} (id, status, currency, type, tax_amount, total_amount, customer_id, billing_email, date_created_gmt, date_updated_gmt, parent_order_id)
     VALUES (?, ?, 'USD', 'shop_order', 0, ?, ?, 'buyer@example.com', '2024-02-01 09:00:00', '2024-02-01 09:00:00', 0)`,
    [id, status, total, customerId],
  );
  await db.execute(`INSERT INTO ${db.table('wc_order_operational_data')} (order_id, order_key) VALUES (?, ?)`, [
    id,
    `wc_order_${id}`,
  ]);
  return id;
}

async function figures(id: number, namespace = 'wc/v2') {
  return (
    await t.http
      .get(`/wp-json/${namespace}/customers/${id}`)
      .auth(...auth())
      .expect(200)
  ).body;
}

/** Counts the statements reaching the order tables while `work` runs. */
async function orderQueriesDuring(work: () => Promise<unknown>): Promise<number> {
  const db = t.host.db;
  let count = 0;
  // A page's order figures may be a long read (off the event loop on SQLite): count both ways in.
  const spies = (['query', 'queryLong'] as const).map((method) => {
    const original = db[method].bind(db);
    return jest.spyOn(db, method).mockImplementation((sql: string, params?: readonly unknown[]) => {
      if (/_customer_user|wc_orders/.test(sql)) count++;
      return original(sql, params);
    });
  });
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return count;
}

describe('a list page of customers with orders', () => {
  it('costs the same single order query for 3 customers as for 30, each with its own figures', async () => {
    const db = t.host.db;
    const ids: number[] = [];
    for (let index = 0; index < 30; index++) {
      const id = await createCustomer(`page${index}@example.com`);
      ids.push(id);
      await postsOrder(db, id, 'wc-completed', `${index}.25`);
      if (index % 2 === 0) await postsOrder(db, id, 'wc-on-hold', '100.00');
    }
    const page = (perPage: number) =>
      t.http
        .get(`/wp-json/wc/v2/customers?per_page=${perPage}&orderby=id&order=asc&include=${ids.join(',')}`)
        .auth(...auth())
        .expect(200);
    expect(await orderQueriesDuring(() => page(3))).toBe(1);
    let body: Array<{ id: number; orders_count: number; total_spent: string }> = [];
    expect(await orderQueriesDuring(async () => (body = (await page(30)).body))).toBe(1);
    expect(body.map((customer) => [customer.orders_count, customer.total_spent])).toEqual(
      ids.map((_, index) => [index % 2 === 0 ? 2 : 1, `${index}.25`]),
    );
  });
});

describe('statuses', () => {
  it('counts checkout drafts (the Blocks status) but sums only paid orders', async () => {
    const id = await createCustomer('draft@example.com');
    await postsOrder(t.host.db, id, 'wc-checkout-draft', '5.00');
    await postsOrder(t.host.db, id, 'wc-processing', '7.50');
    await postsOrder(t.host.db, id, 'trash', '9.00');
    expect(await figures(id)).toMatchObject({ orders_count: 2, total_spent: '7.50' });
  });

  it('follows wc_order_statuses and woocommerce_order_is_paid_statuses', async () => {
    const id = await createCustomer('custom.status@example.com');
    await postsOrder(t.host.db, id, 'wc-shipped', '3.00');
    expect(await figures(id)).toMatchObject({ orders_count: 0, total_spent: '0.00' });
    t.host.hooks.addFilter('wc_order_statuses', 'test/statuses', (statuses: Record<string, string>) => ({
      ...statuses,
      'wc-shipped': 'Shipped',
    }));
    t.host.hooks.addFilter('woocommerce_order_is_paid_statuses', 'test/statuses', (statuses: string[]) => [
      ...statuses,
      'shipped',
    ]);
    try {
      expect(await figures(id)).toMatchObject({ orders_count: 1, total_spent: '3.00' });
    } finally {
      t.host.hooks.removeFilter('wc_order_statuses', 'test/statuses');
      t.host.hooks.removeFilter('woocommerce_order_is_paid_statuses', 'test/statuses');
    }
  });
});

describe('wc/v1 last_order', () => {
  it('is the highest order id, dated by post_date_gmt, or by post_date read as site time when that is the zero date', async () => {
    await t.host.options.update('gmt_offset', '2');
    try {
      const id = await createCustomer('zero.gmt@example.com');
      await postsOrder(t.host.db, id, 'wc-completed', '1.00');
      const last = await postsOrder(t.host.db, id, 'wc-pending', '1.00', {
        local: '2024-06-01 12:00:00',
        gmt: '0000-00-00 00:00:00',
      });
      expect((await figures(id, 'wc/v1')).last_order).toEqual({ id: last, date: '2024-06-01T10:00:00' });
    } finally {
      await t.host.options.update('gmt_offset', 0);
    }
  });
});

describe('guest orders when HPOS keeps the posts copy in sync', () => {
  beforeAll(async () => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'yes');
  });

  afterAll(async () => {
    await t.host.options.update('woocommerce_custom_orders_table_enabled', 'no');
    await t.host.options.delete('woocommerce_custom_orders_table_data_sync_enabled');
  });

  const customerUserMeta = async (orderId: number) =>
    (
      await t.host.db.query<{ meta_value: string }>(
        `SELECT meta_value FROM ${t.host.db.table('postmeta')} WHERE post_id = ? AND meta_key = '_customer_user'`,
        [orderId],
      )
    ).map((row) => row.meta_value);
  const hposCustomer = async (orderId: number) =>
    (
      await t.host.db.query<{ customer_id: number | string }>(
        `SELECT customer_id FROM ${t.host.db.table('wc_orders')} WHERE id = ?`,
        [orderId],
      )
    ).map((row) => Number(row.customer_id));

  /** The same order in both storages, as WooCommerce's synchronizer leaves it. */
  async function syncedOrder(customerId: number): Promise<number> {
    const id = await hposOrder(t.host.db, customerId, 'wc-completed', '4.00000000');
    await t.host.db.execute(
      `INSERT INTO ${t.host.db.table('postmeta')} (post_id, meta_key, meta_value) VALUES (?, '_customer_user', ?)`,
      [id, String(customerId)],
    );
    return id;
  }

  it('resets both copies when sync is on', async () => {
    await t.host.options.update('woocommerce_custom_orders_table_data_sync_enabled', 'yes');
    const id = await createCustomer('synced.leaver@example.com');
    const order = await syncedOrder(id);
    await t.http
      .delete(`/wp-json/wc/v2/customers/${id}?force=true`)
      .auth(...auth())
      .expect(200);
    expect([await hposCustomer(order), await customerUserMeta(order)]).toEqual([[0], ['0']]);
  });

  it('leaves the posts copy alone when sync is off', async () => {
    await t.host.options.update('woocommerce_custom_orders_table_data_sync_enabled', 'no');
    const id = await createCustomer('unsynced.leaver@example.com');
    const order = await syncedOrder(id);
    await t.http
      .delete(`/wp-json/wc/v2/customers/${id}?force=true`)
      .auth(...auth())
      .expect(200);
    expect([await hposCustomer(order), await customerUserMeta(order)]).toEqual([[0], [String(id)]]);
  });
});
