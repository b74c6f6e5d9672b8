import { checkPassword } from '../src/wp/password';
import { wpInsertUserMetaRows } from './helpers/wordPressUserMeta';
import { createTestHost, type TestHost } from './helpers/testHost';
import {
  EMPTY_BILLING,
  EMPTY_SHIPPING,
  JOHN_DOE,
  REST_DATE,
  REST_ROOT,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  expectError,
  gravatar,
  keysOf,
  metaRows,
  metaValues,
  referenceJohnDoe,
  restDate,
  serializedRoles,
  setRoles,
  userRow,
} from './helpers/customers';

/**
 * POST /wp-json/wc/v2/customers (docs/woocommerce-behaviour.md#creating-a-customer): the answers WooCommerce 8.9.1
 * gave, registration and username generation, the create rows of WooCommerce's own tests, and what a create leaves in
 * wp_users / wp_usermeta (docs/wordpress-storage-and-auth.md#what-a-create-writes).
 */

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const post = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers`), t.adminKey).send(body);

/**
 * Order-figure caches WooCommerce writes when it first computes them; the names vary by version
 * (docs/wordpress-storage-and-auth.md#what-a-create-writes).
 */
const isOrderStatsCache = (key: string) =>
  /^(_order_count|_money_spent|_last_order|wc_order_count_|wc_money_spent_|wc_last_order_)/.test(key);

describe('John Doe, as WooCommerce 8.9.1 created him', () => {
  let response: Awaited<ReturnType<typeof post>>;
  const startedAt = Date.now();

  beforeAll(async () => {
    response = await post(JOHN_DOE);
  });

  it('answers 201 with Location and Allow as WooCommerce does', () => {
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(response.headers.location).toBe(`${REST_ROOT}/wc/v2/customers/${response.body.id}`);
    expect(response.headers.allow).toBe('GET, POST');
    expect(response.headers['access-control-expose-headers']).toBe('X-WP-Total, X-WP-TotalPages, Link');
    expect(response.headers['cache-control']).toBe('no-cache, must-revalidate, max-age=0, no-store, private');
  });

  it('answers the reference bytes (escaping, key order, values), with only id, dates and avatar differing', () => {
    expect(response.text).toBe(referenceJohnDoe(response.body));
  });

  it('returns the customer, field by field, in WooCommerce order', () => {
    const body = response.body;
    expect(keysOf(body)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(typeof body.id).toBe('number');
    expect(body.id).toBeGreaterThan(1);
    expect(body).toMatchObject({
      email: 'john.doe@example.com',
      first_name: 'John',
      last_name: 'Doe',
      role: 'customer',
      username: 'john.doe',
      is_paying_customer: false,
      avatar_url: gravatar('john.doe@example.com'),
      meta_data: [],
      orders_count: 0,
      total_spent: '0.00',
    });
    expect(keysOf(body.billing)).toEqual(keysOf(EMPTY_BILLING));
    expect(body.billing).toEqual(JOHN_DOE.billing);
    expect(keysOf(body.shipping)).toEqual(keysOf(EMPTY_SHIPPING));
    expect(body.shipping).toEqual({ ...JOHN_DOE.shipping, phone: '' });
    expect(body._links).toEqual({
      self: [{ href: `${REST_ROOT}/wc/v2/customers/${body.id}` }],
      collection: [{ href: `${REST_ROOT}/wc/v2/customers` }],
    });
    expect(body).not.toHaveProperty('password');
  });

  it('dates: created = stored user_registered (UTC site), modified set at creation', async () => {
    const body = response.body;
    const row = await userRow(t, body.id);
    for (const field of ['date_created', 'date_created_gmt', 'date_modified', 'date_modified_gmt']) {
      expect(body[field]).toMatch(REST_DATE);
    }
    expect(body.date_created_gmt).toBe(restDate(row!.user_registered));
    expect(body.date_created).toBe(body.date_created_gmt);
    expect(body.date_modified).toBe(body.date_modified_gmt);
    const lastUpdate = Number((await metaValues(t, body.id, 'last_update'))[0]);
    expect(body.date_modified_gmt).toBe(new Date(lastUpdate * 1000).toISOString().slice(0, 19));
  });

  it('writes the wp_users row as wp_insert_user does', async () => {
    const row = await userRow(t, response.body.id);
    expect(row).toMatchObject({
      user_login: 'john.doe',
      user_nicename: 'john-doe',
      user_email: 'john.doe@example.com',
      user_url: '',
      user_activation_key: '',
      user_status: 0,
      display_name: 'john.doe',
    });
    const registeredMs = Date.parse(`${row!.user_registered.replace(' ', 'T')}Z`);
    expect(registeredMs).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 - 2000);
    expect(registeredMs).toBeLessThanOrEqual(Date.now() + 2000);
  });

  it('hashes the password in the WordPress 6.8 form', async () => {
    const row = await userRow(t, response.body.id);
    expect(row!.user_pass).toMatch(/^\$wp\$2y\$10\$[./A-Za-z0-9]{53}$/);
    expect(await checkPassword('x1y2z3Secret!', row!.user_pass)).toBe(true);
    expect(await checkPassword('x1y2z3secret!', row!.user_pass)).toBe(false);
  });

  it('writes the usermeta rows in WordPress + WooCommerce order (no password nag: the password was given)', async () => {
    const rows = (await metaRows(t, response.body.id)).filter(([key]) => !isOrderStatsCache(key));
    const lastUpdate = (await metaValues(t, response.body.id, 'last_update'))[0];
    expect(lastUpdate).toMatch(/^\d{10}$/);
    expect(rows).toEqual([
      ...wpInsertUserMetaRows('john.doe', 'John', 'Doe'),
      ['wp_capabilities', 'a:1:{s:8:"customer";b:1;}'],
      ['wp_user_level', '0'],
      ['last_update', lastUpdate],
      // Only the address props that changed from '' are written, in the data store's key order (state before postcode).
      ['billing_first_name', 'John'],
      ['billing_last_name', 'Doe'],
      ['billing_address_1', '969 Market'],
      ['billing_city', 'San Francisco'],
      ['billing_state', 'CA'],
      ['billing_postcode', '94103'],
      ['billing_country', 'US'],
      ['billing_email', 'john.doe@example.com'],
      ['billing_phone', '(555) 555-5555'],
      ['shipping_first_name', 'John'],
      ['shipping_last_name', 'Doe'],
      ['shipping_address_1', '969 Market'],
      ['shipping_city', 'San Francisco'],
      ['shipping_state', 'CA'],
      ['shipping_postcode', '94103'],
      ['shipping_country', 'US'],
    ]);
  });

  it('the same email again → registration-error-email-exists (current wording), any letter case', async () => {
    for (const email of ['john.doe@example.com', 'John.Doe@Example.COM']) {
      const duplicate = await post({ email, username: 'john.doe2', password: 'x1y2z3Secret!' });
      expectError(
        duplicate,
        400,
        'registration-error-email-exists',
        `An account is already registered with ${email}. Please log in or use a different email address.`,
      );
      expect(duplicate.headers.allow).toBe('GET, POST');
    }
  });

  it('a taken username → registration-error-username-exists', async () => {
    const duplicate = await post({ email: 'other@example.com', username: 'john.doe' });
    expect(duplicate.body).toEqual({
      code: 'registration-error-username-exists',
      message: 'An account is already registered with that username. Please choose another.',
      data: { status: 400 },
    });
    expect(duplicate.status).toBe(400);
    const upperCase = await post({ email: 'other2@example.com', username: 'JOHN.DOE' });
    expectError(upperCase, 400, 'registration-error-username-exists');
  });

  it('a second user whose login slugs the same gets nicename -2', async () => {
    const other = await createCustomer(t, { email: 'dash@example.com', username: 'john-doe', password: 'pw-123456' });
    expect((await userRow(t, other.id))!.user_nicename).toBe('john-doe-2');
  });
});

describe('WooCommerce unit and controller tests', () => {
  it('create_customer (1): exactly the documented keys and defaults', async () => {
    const response = await post({
      username: 'create_customer_test',
      password: 'test123',
      email: 'create_customer_test@woo.local',
    });
    expect(response.status).toBe(201);
    const { id, date_created, date_created_gmt, date_modified, date_modified_gmt, _links, ...rest } = response.body;
    expect(typeof id).toBe('number');
    for (const date of [date_created, date_created_gmt, date_modified, date_modified_gmt])
      expect(date).toMatch(REST_DATE);
    expect(_links.self[0].href).toBe(`${REST_ROOT}/wc/v2/customers/${id}`);
    expect(rest).toEqual({
      email: 'create_customer_test@woo.local',
      first_name: '',
      last_name: '',
      role: 'customer',
      username: 'create_customer_test',
      billing: EMPTY_BILLING,
      shipping: EMPTY_SHIPPING,
      is_paying_customer: false,
      avatar_url: gravatar('create_customer_test@woo.local'),
      meta_data: [],
      orders_count: 0,
      total_spent: '0.00',
    });
  });

  it('create_customer (2): names and partial addresses; the other address fields stay empty', async () => {
    const response = await post({
      username: 'create_customer_test2',
      password: 'test123',
      email: 'create_customer_test2@woo.local',
      first_name: 'Test',
      last_name: 'McTestFace',
      billing: { country: 'US', state: 'WA' },
      shipping: { state: 'CA', country: 'US' },
    });
    expect(response.status).toBe(201);
    expect(response.body.first_name).toBe('Test');
    expect(response.body.last_name).toBe('McTestFace');
    expect(response.body.billing).toEqual({ ...EMPTY_BILLING, country: 'US', state: 'WA' });
    expect(response.body.shipping).toEqual({ ...EMPTY_SHIPPING, state: 'CA', country: 'US' });
  });

  it('create_customer (3): no email → rest_missing_callback_param', async () => {
    const response = await post({ first_name: 'NoEmail', username: 'noemail' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'rest_missing_callback_param',
      message: 'Missing parameter(s): email',
      data: { status: 400, params: ['email'] },
    });
    expect(response.headers.allow).toBe('GET, POST');
  });

  it('create_customer_without_permission: anonymous → 401 woocommerce_rest_cannot_create, nothing written', async () => {
    const response = await anonymous(t.http.post(`${V2}/customers`)).send({
      email: 'anon@woo.local',
      username: 'anon',
      password: 'x',
    });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_create',
      message: 'Sorry, you are not allowed to create resources.',
      data: { status: 401 },
    });
    expect(response.status).toBe(401);
    expect(response.headers.allow).toBeUndefined();
    const { db } = t.host;
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_login = 'anon'`)).toEqual([]);
  });

  it('role is ignored: {role: administrator} creates a customer', async () => {
    const response = await post({ role: 'administrator', email: 'test_admin@example.com' });
    expect(response.status).toBe(201);
    expect(response.body.role).toBe('customer');
    expect(await metaValues(t, response.body.id, 'wp_capabilities')).toEqual([serializedRoles(['customer'])]);
    expect(await metaValues(t, response.body.id, 'wp_user_level')).toEqual(['0']);
  });

  it('meta_data on create (no username/password): test_key stored, _internal_test_key not', async () => {
    const response = await post({
      email: 'test_customer_create_metadata@example.com',
      meta_data: [
        { key: 'test_key', value: 'test_value' },
        { key: '_internal_test_key', value: '_internal_test_value' },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe('test_customer_create_metadata');
    expect(await metaValues(t, response.body.id, 'test_key')).toEqual(['test_value']);
    expect(await metaValues(t, response.body.id, '_internal_test_key')).toEqual([]);
    const visible = response.body.meta_data.map((meta: { key: string }) => meta.key);
    expect(visible).toContain('test_key');
    expect(visible).not.toContain('_internal_test_key');
  });
});

describe('who may create', () => {
  it('a customer-role key → 403 woocommerce_rest_cannot_create', async () => {
    const customer = await createCustomer(t, { email: 'creator.customer@example.com', password: 'pw' });
    const key = await t.createKey(customer.id, 'read_write');
    const response = await as(t.http.post(`${V2}/customers`), key).send({ email: 'by.customer@example.com' });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_create',
      message: 'Sorry, you are not allowed to create resources.',
      data: { status: 403 },
    });
  });

  it('a read-only administrator key → 401 woocommerce_rest_authentication_error', async () => {
    const key = await t.createKey(1, 'read');
    const response = await as(t.http.post(`${V2}/customers`), key).send({ email: 'by.readonly@example.com' });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have write permissions.',
      data: { status: 401 },
    });
    const { db } = t.host;
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_email = 'by.readonly@example.com'`)).toEqual(
      [],
    );
  });

  it('a shop manager may create customers (create_customers, WooCommerce 9.9+ / PR #56816), without meta_data in the answer', async () => {
    const manager = await createCustomer(t, { email: 'manager@example.com', password: 'pw' });
    await setRoles(t, manager.id, ['shop_manager'], 9);
    const key = await t.createKey(manager.id, 'read_write');
    const response = await as(t.http.post(`${V2}/customers`), key).send({
      email: 'by.manager@example.com',
      role: 'shop_manager',
    });
    expect(response.status).toBe(201);
    expect(response.body.role).toBe('customer');
    expect(response.body).not.toHaveProperty('meta_data');
  });
});

describe('validation and registration errors', () => {
  it('an invalid email → customer_invalid_email (no REST format check on create)', async () => {
    const response = await post({ email: 'not-an-email', username: 'bademail' });
    expect(response.body).toEqual({
      code: 'customer_invalid_email',
      message: 'Invalid email address',
      data: { status: 400 },
    });
    expect(response.status).toBe(400);
  });

  it('an empty email → registration-error-invalid-email', async () => {
    const response = await post({ email: '', username: 'emptyemail' });
    expectError(response, 400, 'registration-error-invalid-email', 'Please provide a valid email address.');
  });

  it('a body id → woocommerce_rest_customer_exists', async () => {
    const response = await post({ id: 1, email: 'has.id@example.com' });
    expectError(response, 400, 'woocommerce_rest_customer_exists', 'Cannot create existing resource.');
  });

  it('a username strict sanitizing would change → registration-error-invalid-username (current wording)', async () => {
    const response = await post({ email: 'plus@example.com', username: 'john+doe' });
    expectError(response, 400, 'registration-error-invalid-username', 'Please provide a valid account username.');
  });

  it('the email in the email-exists message is HTML-escaped', async () => {
    await createCustomer(t, { email: "o'brien@example.com", password: 'pw' });
    const response = await post({ email: "o'brien@example.com", password: 'pw' });
    expectError(
      response,
      400,
      'registration-error-email-exists',
      'An account is already registered with o&#039;brien@example.com. Please log in or use a different email address.',
    );
  });

  it('a given username keeps its case; names are sanitized (sanitize_text_field, then wc_clean)', async () => {
    const response = await post({
      email: 'case.kept@example.com',
      username: 'JohnD',
      password: 'pw',
      first_name: '<b>X</b> & Y',
    });
    expect(response.body).toMatchObject({ username: 'JohnD', first_name: 'X & Y' });
    expect(await userRow(t, response.body.id)).toMatchObject({
      user_login: 'JohnD',
      user_nicename: 'johnd',
      display_name: 'JohnD',
    });
    expect(await metaValues(t, response.body.id, 'first_name')).toEqual(['X & Y']);
  });

  it('a username longer than 60 characters → user_login_too_long', async () => {
    const response = await post({ email: 'long@example.com', username: 'a'.repeat(61) });
    expectError(response, 400, 'user_login_too_long', 'Username may not be longer than 60 characters.');
  });

  it('billing.email "" → rest_invalid_param (WordPress format: email refuses the empty string)', async () => {
    const response = await post({ email: 'billing.empty@example.com', billing: { email: '' } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('rest_invalid_param');
    expect(response.body.message).toBe('Invalid parameter(s): billing');
    expect(response.body.data.params).toEqual({ billing: 'Invalid email address.' });
    expect(response.body.data.details.billing.code).toBe('rest_invalid_email');
  });

  it('wrong types → rest_invalid_param', async () => {
    const response = await post({ email: 'types@example.com', first_name: ['x'] });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('rest_invalid_param');
    expect(response.body.data.params).toEqual({ first_name: 'first_name is not of type string.' });
  });

  it('unknown and read-only fields are ignored', async () => {
    const response = await post({
      email: 'readonly@example.com',
      orders_count: 7,
      total_spent: '99.00',
      is_paying_customer: true,
      avatar_url: 'http://x',
      favourite_colour: 'blue',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      orders_count: 0,
      total_spent: '0.00',
      is_paying_customer: false,
      avatar_url: gravatar('readonly@example.com'),
    });
    expect(response.body).not.toHaveProperty('favourite_colour');
  });
});

describe('generated usernames and passwords', () => {
  const created: Array<{ id: number; password: string; generated: boolean }> = [];

  beforeAll(() => {
    t.host.hooks.addAction(
      'woocommerce_created_customer',
      'test/capture',
      (id: number, data: { user_pass: string }, generated: boolean) => {
        created.push({ id, password: data.user_pass, generated });
      },
    );
  });

  it('username from the email: local part, lower-cased', async () => {
    const response = await post({ email: 'Mary.Major@example.com' });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe('mary.major');
    expect(response.body.email).toBe('Mary.Major@example.com');
  });

  it('a taken generated username gets a -NNNN suffix', async () => {
    await createCustomer(t, { email: 'sam.smith@example.com', password: 'pw-1' });
    const response = await post({ email: 'sam.smith@other.example' });
    expect(response.status).toBe(201);
    expect(response.body.username).toMatch(/^sam\.smith-\d{4}$/);
  });

  it('strict sanitizing drops what a login may not hold (+), then lower-cases', async () => {
    expect((await post({ email: 'Jane+Tag@Example.com' })).body.username).toBe('janetag');
  });

  it('info@, sales@ … use the domain', async () => {
    expect((await post({ email: 'info@shop.io' })).body.username).toBe('shop.io');
    expect((await post({ email: 'sales@acme-store.com' })).body.username).toBe('acme-store.com');
  });

  it('a generated password: 12 characters from wp_generate_password, hashed, with default_password_nag', async () => {
    const response = await post({ email: 'generated.password@example.com', username: 'genpass' });
    expect(response.status).toBe(201);
    const capture = created.find((entry) => entry.id === response.body.id);
    expect(capture?.generated).toBe(true);
    expect(capture!.password).toMatch(/^[A-Za-z0-9!@#$%^&*()]{12}$/);
    const row = await userRow(t, response.body.id);
    expect(await checkPassword(capture!.password, row!.user_pass)).toBe(true);
    const rows = (await metaRows(t, response.body.id)).map(([key]) => key);
    expect(rows.slice(0, 15)).toEqual([
      ...wpInsertUserMetaRows('genpass').map(([key]) => key),
      'wp_capabilities',
      'wp_user_level',
      'default_password_nag',
      'last_update',
    ]);
    expect(await metaValues(t, response.body.id, 'default_password_nag')).toEqual(['1']);
    // Visible to administrators: WooCommerce's internal list does not hide it.
    expect(response.body.meta_data).toEqual([{ id: expect.any(Number), key: 'default_password_nag', value: '1' }]);
  });

  it('a given password: no default_password_nag', async () => {
    const response = await post({ email: 'given.password@example.com', password: 'given-Pass-1' });
    const capture = created.find((entry) => entry.id === response.body.id);
    expect(capture?.generated).toBe(false);
    expect(await metaValues(t, response.body.id, 'default_password_nag')).toEqual([]);
  });
});
