import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import {
  type CustomerJson,
  EMPTY_BILLING,
  EMPTY_SHIPPING,
  JOHN_DOE,
  REST_ROOT,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  expectError,
  gravatar,
  keysOf,
  makeUserWithRole,
  referenceJohnDoe,
  restDate,
  userRow,
} from './helpers/customers';

/**
 * GET /wp-json/wc/v2/customers/{id}: the object, its dates and meta_data visibility
 * (docs/woocommerce-behaviour.md#the-customer-object), the answers WooCommerce 8.9.1 gave, and the get rows of
 * WooCommerce's own tests, with current WooCommerce's rules.
 */

let t: TestHost;
let john: CustomerJson;
/** The fixture customer of WooCommerce's unit tests ("Justin", 123 South Street). */
let helperCustomer: CustomerJson;

const get = (path: string, key: TestKey = t.adminKey) => as(t.http.get(`${V2}${path}`), key);

beforeAll(async () => {
  t = await createTestHost();
  john = await createCustomer(t, JOHN_DOE);
  helperCustomer = await createCustomer(t, {
    username: 'get_customer_test',
    password: 'test123',
    email: 'get_customer_test@woo.local',
    first_name: 'Justin',
    billing: {
      address_1: '123 South Street',
      address_2: 'Apt 1',
      city: 'San Francisco',
      state: 'CA',
      postcode: '94110',
      country: 'US',
    },
    shipping: {
      address_1: '123 South Street',
      address_2: 'Apt 1',
      city: 'San Francisco',
      state: 'CA',
      postcode: '94110',
      country: 'US',
    },
  });
});

afterAll(async () => {
  await t.close();
});

describe('a customer as WooCommerce 8.9.1 answered it, in view and edit context', () => {
  it('answers the customer exactly as the create did, with Allow for an administrator', async () => {
    const response = await get(`/customers/${john.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(response.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(keysOf(response.body)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(response.body).toEqual(john);
    expect(response.text).toBe(referenceJohnDoe(john));
    expect(response.body).toMatchObject({
      email: 'john.doe@example.com',
      username: 'john.doe',
      role: 'customer',
      billing: JOHN_DOE.billing,
      shipping: { ...JOHN_DOE.shipping, phone: '' },
      meta_data: [],
      orders_count: 0,
      total_spent: '0.00',
      avatar_url: gravatar('john.doe@example.com'),
    });
  });

  it('context=edit gives the same fields as view', async () => {
    const view = await get(`/customers/${john.id}?context=view`);
    const edit = await get(`/customers/${john.id}?context=edit`);
    expect(edit.status).toBe(200);
    expect(edit.body).toEqual(view.body);
  });

  it('context=bogus → 400 rest_invalid_param', async () => {
    const response = await get(`/customers/${john.id}?context=bogus`);
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): context');
    expect(response.body.data.params.context).toBe('context is not one of view and edit.');
  });
});

describe('WooCommerce unit tests (get_customer*)', () => {
  it('get_customer: the full helper-customer object', async () => {
    const response = await get(`/customers/${helperCustomer.id}`);
    expect(response.status).toBe(200);
    const row = await userRow(t, helperCustomer.id);
    const address = {
      address_1: '123 South Street',
      address_2: 'Apt 1',
      city: 'San Francisco',
      state: 'CA',
      postcode: '94110',
      country: 'US',
    };
    expect(response.body).toEqual({
      id: helperCustomer.id,
      date_created: restDate(row!.user_registered),
      date_created_gmt: restDate(row!.user_registered),
      date_modified: helperCustomer.date_modified,
      date_modified_gmt: helperCustomer.date_modified_gmt,
      email: 'get_customer_test@woo.local',
      first_name: 'Justin',
      last_name: '',
      role: 'customer',
      username: 'get_customer_test',
      billing: { ...EMPTY_BILLING, ...address },
      shipping: { ...EMPTY_SHIPPING, ...address },
      is_paying_customer: false,
      avatar_url: gravatar('get_customer_test@woo.local'),
      meta_data: [],
      orders_count: 0,
      total_spent: '0.00',
      _links: {
        self: [{ href: `${REST_ROOT}/wc/v2/customers/${helperCustomer.id}` }],
        collection: [{ href: `${REST_ROOT}/wc/v2/customers` }],
      },
    });
  });

  it('get_customer_without_permission: anonymous → 401 woocommerce_rest_cannot_view, no Allow', async () => {
    const response = await anonymous(t.http.get(`${V2}/customers/${helperCustomer.id}`));
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot view this resource.',
      data: { status: 401 },
    });
    expect(response.status).toBe(401);
    expect(response.headers.allow).toBeUndefined();
  });

  it('get_customer_invalid_id: /customers/0 → 404 wc_user_invalid_id (current WooCommerce)', async () => {
    const response = await get('/customers/0');
    expect(response.body).toEqual({ code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    expect(response.status).toBe(404);
  });
});

describe('unknown ids and route matching', () => {
  it('current WooCommerce: 404 wc_user_invalid_id from the permission step, no Allow', async () => {
    const response = await get('/customers/999999');
    expect(response.body).toEqual({ code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    expect(response.status).toBe(404);
    expect(response.headers.allow).toBeUndefined();
  });

  it('the unknown-user check runs before the capability check, so anonymous gets 404 too', async () => {
    const response = await anonymous(t.http.get(`${V2}/customers/999999`));
    expectError(response, 404, 'wc_user_invalid_id', 'Invalid user ID.');
  });

  it.each(['abc', '-1', '1.5'])('/customers/%s does not match the \\d+ route → rest_no_route', async (id) => {
    const response = await get(`/customers/${id}`);
    expect(response.body).toEqual({
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
      data: { status: 404 },
    });
    expect(response.status).toBe(404);
  });
});

describe('any user can be read, whatever its role', () => {
  it('GET /customers/1: the seeded administrator, never updated by WooCommerce (date_modified null)', async () => {
    const response = await get('/customers/1');
    expect(response.status).toBe(200);
    const row = await userRow(t, 1);
    expect(response.body).toMatchObject({
      id: 1,
      date_created: restDate(row!.user_registered),
      date_created_gmt: restDate(row!.user_registered),
      date_modified: null,
      date_modified_gmt: null,
      email: 'admin@example.com',
      first_name: '',
      last_name: '',
      role: 'administrator',
      username: 'admin',
      billing: EMPTY_BILLING,
      shipping: EMPTY_SHIPPING,
      is_paying_customer: false,
      avatar_url: gravatar('admin@example.com'),
      orders_count: 0,
      total_spent: '0.00',
    });
  });

  it('a subscriber reads as role subscriber', async () => {
    const subscriberId = await makeUserWithRole(t, 'subscriber');
    const response = await get(`/customers/${subscriberId}`);
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('subscriber');
    expect(response.body.is_paying_customer).toBe(false);
  });

  it('a user without any role reads as role customer', async () => {
    const { db } = t.host;
    const noRole = await createCustomer(t, { email: 'norole@example.com', password: 'pw-norole' });
    await db.execute(`DELETE FROM ${db.table('usermeta')} WHERE user_id = ? AND meta_key = ?`, [
      noRole.id,
      `${db.prefix}capabilities`,
    ]);
    expect((await get(`/customers/${noRole.id}`)).body.role).toBe('customer');
  });

  it('per-user capabilities in wp_capabilities are not roles', async () => {
    const { db } = t.host;
    const user = await createCustomer(t, { email: 'extra.cap@example.com', password: 'pw-cap' });
    await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
      'a:2:{s:10:"edit_posts";b:1;s:10:"subscriber";b:1;}',
      user.id,
      `${db.prefix}capabilities`,
    ]);
    expect((await get(`/customers/${user.id}`)).body.role).toBe('subscriber');
  });

  it('is_paying_customer reflects the paying_customer meta', async () => {
    const { db } = t.host;
    const paying = await createCustomer(t, { email: 'paying@example.com', password: 'pw-paying' });
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'paying_customer', '1')`,
      [paying.id],
    );
    const response = await get(`/customers/${paying.id}`);
    expect(response.body.is_paying_customer).toBe(true);
    expect(response.body.meta_data).toEqual([]);
  });
});

describe('dates and avatar follow the site options', () => {
  afterEach(async () => {
    await t.host.options.update('gmt_offset', '0');
    await t.host.options.update('avatar_rating', 'G');
    await t.host.options.update('avatar_default', 'mystery');
  });

  it('gmt_offset 2: date_created is registration + 2 h, date_created_gmt stays UTC', async () => {
    const { db } = t.host;
    await db.execute(`UPDATE ${db.table('users')} SET user_registered = '2020-01-01 12:00:00' WHERE ID = ?`, [
      helperCustomer.id,
    ]);
    await db.execute(
      `UPDATE ${db.table('usermeta')} SET meta_value = '1577880000' WHERE user_id = ? AND meta_key = 'last_update'`,
      [helperCustomer.id],
    );
    await t.host.options.update('gmt_offset', '2');
    const response = await get(`/customers/${helperCustomer.id}`);
    expect(response.body.date_created).toBe('2020-01-01T14:00:00');
    expect(response.body.date_created_gmt).toBe('2020-01-01T12:00:00');
    expect(response.body.date_modified).toBe('2020-01-01T14:00:00');
    expect(response.body.date_modified_gmt).toBe('2020-01-01T12:00:00');
  });

  it('avatar_rating and avatar_default feed r and d', async () => {
    await t.host.options.update('avatar_rating', 'PG');
    await t.host.options.update('avatar_default', 'identicon');
    const response = await get(`/customers/${john.id}`);
    expect(response.body.avatar_url).toBe(gravatar('john.doe@example.com').replace('d=mm&r=g', 'd=identicon&r=pg'));
  });
});

describe('meta_data: administrators only; protected and internal keys hidden', () => {
  let metaCustomer: CustomerJson;

  beforeAll(async () => {
    const { db } = t.host;
    metaCustomer = await createCustomer(t, {
      email: 'meta.reader@example.com',
      password: 'pw-meta',
      meta_data: [{ key: 'first_visible', value: 'one' }],
    });
    const insert = (key: string, value: string) =>
      db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
        metaCustomer.id,
        key,
        value,
      ]);
    await insert('_protected_key', 'hidden');
    await insert('wc_last_active', '1700000000');
    await insert('dismissed_wp_pointers', '');
    await insert('_woocommerce_persistent_cart_1', 'a:0:{}');
    await insert('closedpostboxes_dashboard', 'a:0:{}');
    await insert('serialized_value', 'a:2:{s:1:"a";i:1;s:1:"b";a:1:{i:0;s:1:"x";}}');
    await insert('session_tokens', 'a:0:{}');
  });

  it('an administrator sees the visible rows in umeta_id order, values unserialized', async () => {
    const response = await get(`/customers/${metaCustomer.id}`);
    expect(response.body.meta_data).toEqual([
      { id: expect.any(Number), key: 'first_visible', value: 'one' },
      { id: expect.any(Number), key: 'wc_last_active', value: '1700000000' },
      { id: expect.any(Number), key: 'serialized_value', value: { a: 1, b: ['x'] } },
    ]);
    const ids = response.body.meta_data.map((meta: { id: number }) => meta.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const { db } = t.host;
    const [row] = await db.query<{ umeta_id: number }>(
      `SELECT umeta_id FROM ${db.table('usermeta')} WHERE user_id = ? AND meta_key = 'first_visible'`,
      [metaCustomer.id],
    );
    expect(ids[0]).toBe(Number(row.umeta_id));
  });

  it('a shop manager gets no meta_data key at all', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const managerKey = await t.createKey(managerId, 'read');
    const response = await get(`/customers/${metaCustomer.id}`, managerKey);
    expect(response.status).toBe(200);
    expect(keysOf(response.body)).toEqual([...V2_ADMIN_KEYS.filter((key) => key !== 'meta_data'), '_links']);
  });
});

describe('permissions', () => {
  it('a customer-role key → 403 woocommerce_rest_cannot_view, even on itself', async () => {
    const customerKey = await t.createKey(john.id, 'read_write');
    for (const id of [john.id, helperCustomer.id]) {
      const response = await get(`/customers/${id}`, customerKey);
      expect(response.body).toEqual({
        code: 'woocommerce_rest_cannot_view',
        message: 'Sorry, you cannot view this resource.',
        data: { status: 403 },
      });
      expect(response.status).toBe(403);
    }
  });

  it('a read-only administrator key can read', async () => {
    const readKey = await t.createKey(1, 'read');
    expect((await get(`/customers/${john.id}`, readKey)).status).toBe(200);
  });

  it('a write-only key cannot read → 401 woocommerce_rest_authentication_error', async () => {
    const writeKey = await t.createKey(1, 'write');
    const response = await get(`/customers/${john.id}`, writeKey);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have read permissions.',
      data: { status: 401 },
    });
  });
});
