import { createTestHost, type TestHost } from './helpers/testHost';
import { phpSerialize } from '../src/wp/phpSerialize';
import type { Db } from '../src/db/types';

let t: TestHost;
let customerId: number;
let nextPostId = 5000;

beforeAll(async () => {
  t = await createTestHost({ homeUrl: 'https://shop.example.com' });
  const created = await t.http
    .post('/wp-json/wc/v2/customers')
    .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
    .send({ email: 'buyer@example.com' })
    .expect(201);
  customerId = created.body.id;
});

afterAll(async () => {
  await t.close();
});

async function post(
  db: Db,
  type: string,
  status: string,
  title: string,
  meta: Record<string, string>,
): Promise<number> {
  const id = nextPostId++;
  await db.execute(
    `INSERT INTO ${db.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count)
     VALUES (?, 1, '2024-03-01 10:00:00', '2024-03-01 10:00:00', '', ?, '', ?, '', ?, '', '', '2024-03-01 10:00:00', '2024-03-01 10:00:00', '', 0, '', 0, ?, '', 0)`,
    [id, title, status, title.toLowerCase().replace(/\s+/g, '-'), type],
  );
  for (const [key, value] of Object.entries(meta)) {
    await db.execute(`INSERT INTO ${db.table('postmeta')} (post_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
      id,
      key,
      value,
    ]);
  }
  return id;
}

async function permission(
  db: Db,
  row: {
    downloadId: string;
    productId: number;
    orderId: number;
    orderKey: string;
    remaining: string | null;
    expires: string | null;
  },
) {
  await db.execute(
    `INSERT INTO ${db.table('woocommerce_downloadable_product_permissions')} (download_id, product_id, order_id, order_key, user_email, user_id, downloads_remaining, access_granted, access_expires, download_count)
     VALUES (?, ?, ?, ?, 'buyer@example.com', ?, ?, '2024-03-01 10:00:00', ?, 0)`,
    [row.downloadId, row.productId, row.orderId, row.orderKey, customerId, row.remaining, row.expires],
  );
}

const files = (entries: Array<{ id: string; name: string; file: string; enabled?: boolean }>) =>
  phpSerialize(Object.fromEntries(entries.map((entry) => [entry.id, entry])));

describe('GET /customers/<id>/downloads', () => {
  let ebook: number;
  let completed: number;

  beforeAll(async () => {
    const db = t.host.db;
    ebook = await post(db, 'product', 'publish', 'Ebook', {
      _downloadable: 'yes',
      _downloadable_files: files([
        {
          id: 'file-a',
          name: 'Chapter 1',
          file: 'https://shop.example.com/wp-content/uploads/woocommerce_uploads/a.pdf',
          enabled: true,
        },
        { id: 'file-b', name: 'Chapter 2', file: 'https://elsewhere.example/b.pdf', enabled: false },
      ]),
    });
    completed = await post(db, 'shop_order', 'wc-completed', 'Order', {
      _order_key: 'wc_order_abc',
      _customer_user: String(customerId),
    });
    const pending = await post(db, 'shop_order', 'wc-pending', 'Order', {
      _order_key: 'wc_order_pending',
      _customer_user: String(customerId),
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '',
      expires: null,
    });
    await permission(db, {
      downloadId: 'file-b',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '',
      expires: null,
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: pending,
      orderKey: 'wc_order_pending',
      remaining: '',
      expires: null,
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '0',
      expires: null,
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '3',
      expires: '2099-12-31 00:00:00',
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '',
      expires: '2001-01-01 00:00:00',
    });
    await permission(db, {
      downloadId: 'gone',
      productId: ebook,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '',
      expires: null,
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: 999999,
      orderId: completed,
      orderKey: 'wc_order_abc',
      remaining: '',
      expires: null,
    });
  });

  it('lists the downloads WooCommerce would, in its shape, without pagination headers', async () => {
    const response = await t.http
      .get(`/wp-json/wc/v2/customers/${customerId}/downloads`)
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .expect(200);
    expect(response.headers['x-wp-total']).toBeUndefined();
    expect(response.body).toHaveLength(2);
    const [unlimited, limited] = response.body;
    expect(Object.keys(unlimited)).toEqual([
      'download_id',
      'download_url',
      'product_id',
      'product_name',
      'download_name',
      'order_id',
      'order_key',
      'downloads_remaining',
      'access_expires',
      'access_expires_gmt',
      'file',
      '_links',
    ]);
    expect(unlimited).toMatchObject({
      download_id: 'file-a',
      download_url: `https://shop.example.com/?download_file=${ebook}&order=wc_order_abc&email=buyer%40example.com&key=file-a`,
      product_id: ebook,
      product_name: 'Ebook',
      download_name: 'Chapter 1',
      order_id: completed,
      order_key: 'wc_order_abc',
      downloads_remaining: 'unlimited',
      access_expires: 'never',
      access_expires_gmt: 'never',
      file: { name: 'Chapter 1', file: 'https://shop.example.com/wp-content/uploads/woocommerce_uploads/a.pdf' },
    });
    expect(unlimited._links.collection[0].href).toMatch(
      new RegExp(`/wp-json/wc/v2/customers/${customerId}/downloads$`),
    );
    expect(unlimited._links.product[0].href).toMatch(new RegExp(`/wp-json/wc/v2/products/${ebook}$`));
    expect(unlimited._links.order[0].href).toMatch(new RegExp(`/wp-json/wc/v2/orders/${completed}$`));
    expect(limited).toMatchObject({
      downloads_remaining: '3',
      access_expires: '2099-12-31T00:00:00',
      access_expires_gmt: '2099-12-31T00:00:00',
    });
  });

  it('reads access_expires as site time for the _gmt twin', async () => {
    await t.host.options.update('gmt_offset', '2');
    try {
      const response = await t.http
        .get(`/wp-json/wc/v2/customers/${customerId}/downloads`)
        .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
        .expect(200);
      expect(response.body[1]).toMatchObject({
        access_expires: '2099-12-31T00:00:00',
        access_expires_gmt: '2099-12-30T22:00:00',
      });
    } finally {
      await t.host.options.update('gmt_offset', '0');
    }
  });

  it('gives processing orders access only when access is granted after payment', async () => {
    const db = t.host.db;
    const processing = await post(db, 'shop_order', 'wc-processing', 'Order', {
      _order_key: 'wc_order_proc',
      _customer_user: String(customerId),
    });
    await permission(db, {
      downloadId: 'file-a',
      productId: ebook,
      orderId: processing,
      orderKey: 'wc_order_proc',
      remaining: '',
      expires: null,
    });
    const count = async () =>
      (
        await t.http
          .get(`/wp-json/wc/v2/customers/${customerId}/downloads`)
          .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
          .expect(200)
      ).body.length;
    await t.host.options.update('woocommerce_downloads_grant_access_after_payment', 'yes');
    expect(await count()).toBe(3);
    await t.host.options.update('woocommerce_downloads_grant_access_after_payment', 'no');
    expect(await count()).toBe(2);
  });

  it('uses the v1 shape under wc/v1 and the v2 shape under wc/v3', async () => {
    const auth = [t.adminKey.consumerKey, t.adminKey.consumerSecret] as const;
    const v1 = await t.http
      .get(`/wp-json/wc/v1/customers/${customerId}/downloads`)
      .auth(...auth)
      .expect(200);
    expect(Object.keys(v1.body[0])).toEqual([
      'download_url',
      'download_id',
      'product_id',
      'product_url',
      'download_name',
      'order_id',
      'order_key',
      'downloads_remaining',
      'access_expires',
      'file',
      '_links',
    ]);
    expect(v1.body[0].product_url).toBe('https://shop.example.com/?product=ebook');
    const v3 = await t.http
      .get(`/wp-json/wc/v3/customers/${customerId}/downloads`)
      .auth(...auth)
      .expect(200);
    expect(v3.body[0]).toHaveProperty('access_expires_gmt');
  });

  it('answers 404 for an unknown customer before checking capabilities, then 401/403', async () => {
    const unknown = await t.http.get('/wp-json/wc/v2/customers/987654/downloads').expect(404);
    expect(unknown.body).toEqual({
      code: 'woocommerce_rest_customer_invalid',
      message: 'Resource does not exist.',
      data: { status: 404 },
    });
    const anonymous = await t.http.get(`/wp-json/wc/v2/customers/${customerId}/downloads`).expect(401);
    expect(anonymous.body.code).toBe('woocommerce_rest_cannot_view');
    const customerKey = await t.createKey(customerId);
    const forbidden = await t.http
      .get(`/wp-json/wc/v2/customers/${customerId}/downloads`)
      .auth(customerKey.consumerKey, customerKey.consumerSecret)
      .expect(403);
    expect(forbidden.body).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 403 },
    });
  });

  it('refuses context=edit and publishes the customer_download schema', async () => {
    await t.http
      .get(`/wp-json/wc/v2/customers/${customerId}/downloads?context=edit`)
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .expect(400);
    const options = await t.http.options(`/wp-json/wc/v2/customers/${customerId}/downloads`).expect(200);
    expect(options.body.schema.title).toBe('customer_download');
    expect(Object.keys(options.body.schema.properties)).toHaveLength(11);
  });

  it('runs woocommerce_rest_prepare_customer_download and woocommerce_customer_available_downloads', async () => {
    t.host.hooks.addFilter('woocommerce_customer_available_downloads', 'test/downloads', (downloads) =>
      downloads.slice(0, 1),
    );
    t.host.hooks.addFilter('woocommerce_rest_prepare_customer_download', 'test/downloads', (response) => {
      response.data.tagged = true;
      return response;
    });
    try {
      const response = await t.http
        .get(`/wp-json/wc/v2/customers/${customerId}/downloads`)
        .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
        .expect(200);
      expect(response.body).toHaveLength(1);
      expect(response.body[0].tagged).toBe(true);
    } finally {
      t.host.hooks.removeAllFilters('woocommerce_customer_available_downloads');
      t.host.hooks.removeAllFilters('woocommerce_rest_prepare_customer_download');
    }
  });
});
