import { checkPassword } from '../src/wp/password';
import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import {
  type CustomerJson,
  EMPTY_BILLING,
  EMPTY_SHIPPING,
  JOHN_DOE,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  createFixtureCustomer,
  expectError,
  gravatar,
  keysOf,
  makeUserWithRole,
  metaValues,
  serializedRoles,
  userRow,
} from './helpers/customers';

/**
 * PUT|PATCH|POST /wp-json/wc/v2/customers/{id} (docs/woocommerce-behaviour.md#reading-and-updating): the answers
 * WooCommerce 8.9.1 gave, meta_data writes, the update rows of WooCommerce's own tests and current WooCommerce's
 * permission rules.
 */

let t: TestHost;

const put = (id: number | string, body: Record<string, unknown>, key: TestKey = t.adminKey) =>
  as(t.http.put(`${V2}/customers/${id}`), key).send(body);
const get = (id: number) => as(t.http.get(`${V2}/customers/${id}`), t.adminKey);
const meta = (body: CustomerJson): Array<{ id: number; key: string; value: unknown }> => body.meta_data;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

describe('an update as WooCommerce 8.9.1 answered it, and the WooCommerce tests', () => {
  let john: CustomerJson;

  beforeAll(async () => {
    john = await createCustomer(t, JOHN_DOE);
  });

  it('names and address sub-fields merge into the customer', async () => {
    const response = await put(john.id, {
      first_name: 'James',
      billing: { first_name: 'James' },
      shipping: { first_name: 'James' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(keysOf(response.body)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(response.body).toMatchObject({
      id: john.id,
      email: 'john.doe@example.com',
      first_name: 'James',
      last_name: 'Doe',
      username: 'john.doe',
      billing: { ...JOHN_DOE.billing, first_name: 'James' },
      shipping: { ...JOHN_DOE.shipping, first_name: 'James', phone: '' },
      date_created: john.date_created,
    });
    expect((await get(john.id)).body).toEqual(response.body);
  });

  it('update_customer: email and first_name change', async () => {
    const customer = await createCustomer(t, {
      username: 'update_customer_test',
      password: 'test123',
      email: 'update_customer_test@woo.local',
    });
    const before = await get(customer.id);
    expect(before.body).toMatchObject({ username: 'update_customer_test', email: 'update_customer_test@woo.local' });
    const response = await put(customer.id, { email: 'updated_email@woo.local', first_name: 'UpdatedTest' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      email: 'updated_email@woo.local',
      first_name: 'UpdatedTest',
      avatar_url: gravatar('updated_email@woo.local'),
    });
    expect((await userRow(t, customer.id))!.user_email).toBe('updated_email@woo.local');
  });

  it('update_customer_without_permission: anonymous → 401 woocommerce_rest_cannot_edit', async () => {
    const response = await anonymous(t.http.put(`${V2}/customers/${john.id}`)).send({ first_name: 'Anon' });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_edit',
      message: 'Sorry, you are not allowed to edit this resource.',
      data: { status: 401 },
    });
    expect(response.status).toBe(401);
    expect((await get(john.id)).body.first_name).toBe('James');
  });

  it('update_customer_invalid_id: /customers/0 and an unknown id → 404 wc_user_invalid_id (current WooCommerce)', async () => {
    for (const id of [0, 999999]) {
      const response = await put(id, { first_name: 'Nobody' });
      expect(response.body).toEqual({ code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
      expect(response.status).toBe(404);
    }
  });

  it('POST and PATCH on the item route update too', async () => {
    const post = await as(t.http.post(`${V2}/customers/${john.id}`), t.adminKey).send({ last_name: 'ViaPost' });
    expect(post.status).toBe(200);
    expect(post.body.last_name).toBe('ViaPost');
    const patch = await as(t.http.patch(`${V2}/customers/${john.id}`), t.adminKey).send({ last_name: 'ViaPatch' });
    expect(patch.status).toBe(200);
    expect(patch.body.last_name).toBe('ViaPatch');
  });

  it('Playwright test: create with billing.city, PUT first_name Jack, GET confirms', async () => {
    const created = await createCustomer(t, {
      email: 'customer.roundtrip.1@example.com',
      username: 'customer.roundtrip.1',
      billing: { city: 'San Francisco' },
    });
    expect(created.billing.city).toBe('San Francisco');
    expect((await put(created.id, { first_name: 'Jack' })).status).toBe(200);
    const after = await get(created.id);
    expect(after.body).toMatchObject({
      first_name: 'Jack',
      email: 'customer.roundtrip.1@example.com',
      billing: { ...EMPTY_BILLING, city: 'San Francisco' },
    });
  });
});

describe('validation', () => {
  let customer: CustomerJson;

  beforeAll(async () => {
    customer = await createFixtureCustomer(t);
  });

  it('an invalid email → rest_invalid_param, exactly', async () => {
    const response = await put(customer.id, { email: 'still-not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): email',
      data: {
        status: 400,
        params: { email: 'Invalid email address.' },
        details: { email: { code: 'rest_invalid_email', message: 'Invalid email address.', data: null } },
      },
    });
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
  });

  it('an empty email fails the email format too', async () => {
    expectError(await put(customer.id, { email: '' }), 400, 'rest_invalid_param', 'Invalid parameter(s): email');
  });

  it('an invalid billing.email → rest_invalid_param on billing', async () => {
    const response = await put(customer.id, { billing: { email: 'nope' } });
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): billing');
    expect(response.body.data.params).toEqual({ billing: 'Invalid email address.' });
  });

  it('billing must be an object', async () => {
    const response = await put(customer.id, { billing: 'Main Street' });
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): billing');
    expect(response.body.data.params).toEqual({ billing: 'billing is not of type object.' });
  });

  it('validation runs before the permission check: anonymous with a bad email gets 400', async () => {
    const response = await anonymous(t.http.put(`${V2}/customers/${customer.id}`)).send({ email: 'bad' });
    expect(response.status).toBe(400);
  });

  it('a JSON null skips validation and is sanitized as PHP does: names become "", a null username is ignored', async () => {
    const named = await createFixtureCustomer(t, { first_name: 'Had', last_name: 'Name' });
    const response = await put(named.id, { first_name: null, username: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ first_name: '', last_name: 'Name', username: named.username });
    expect(await metaValues(t, named.id, 'first_name')).toEqual(['']);
  });

  it('names go through sanitize_text_field', async () => {
    const response = await put(customer.id, { first_name: '  <b>Bold</b>\t\tName  ' });
    expect(response.body.first_name).toBe('Bold Name');
  });
});

describe('WooCommerce update rules', () => {
  it('partial address merge: "" clears, unknown sub-keys and v2 shipping.phone ignored', async () => {
    const customer = await createCustomer(t, { ...JOHN_DOE, email: 'merge@example.com', username: 'merge' });
    const response = await put(customer.id, {
      billing: { city: 'Oakland', phone: '', planet: 'Mars' },
      shipping: { postcode: '94607', phone: '555-0100' },
    });
    expect(response.status).toBe(200);
    expect(response.body.billing).toEqual({ ...JOHN_DOE.billing, city: 'Oakland', phone: '' });
    expect(response.body.shipping).toEqual({ ...JOHN_DOE.shipping, postcode: '94607', phone: '' });
    expect(await metaValues(t, customer.id, 'billing_phone')).toEqual(['']);
    expect(await metaValues(t, customer.id, 'billing_city')).toEqual(['Oakland']);
    expect(await metaValues(t, customer.id, 'shipping_phone')).toEqual([]);
    expect(await metaValues(t, customer.id, 'billing_planet')).toEqual([]);
  });

  it('a null sub-key fails WordPress validation over HTTP (it only means "not present" in batch items)', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await put(customer.id, { billing: { company: null } });
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): billing');
    expect(response.body.data.params).toEqual({ billing: 'billing[company] is not of type string.' });
  });

  it('a different username → woocommerce_rest_customer_invalid_argument; the same one or "" is fine', async () => {
    const customer = await createFixtureCustomer(t);
    const renamed = await put(customer.id, { username: 'renamed' });
    expect(renamed.body).toEqual({
      code: 'woocommerce_rest_customer_invalid_argument',
      message: "Username isn't editable.",
      data: { status: 400 },
    });
    expect(renamed.status).toBe(400);
    expect((await put(customer.id, { username: customer.username, first_name: 'Same' })).status).toBe(200);
    expect((await put(customer.id, { username: '' })).status).toBe(200);
    expect((await userRow(t, customer.id))!.user_login).toBe(customer.username);
  });

  it('the own email in another letter case → woocommerce_rest_customer_invalid_email; byte-identical is fine', async () => {
    const customer = await createCustomer(t, { email: 'Case.Sensitive@example.com', password: 'pw' });
    const variant = await put(customer.id, { email: 'case.sensitive@example.com' });
    expect(variant.body).toEqual({
      code: 'woocommerce_rest_customer_invalid_email',
      message: 'Email address is invalid.',
      data: { status: 400 },
    });
    expect((await put(customer.id, { email: 'Case.Sensitive@example.com' })).status).toBe(200);
  });

  it("another user's email → woocommerce_rest_customer_invalid_email, nothing changed", async () => {
    const first = await createFixtureCustomer(t);
    const second = await createFixtureCustomer(t);
    const response = await put(second.id, { email: first.email, first_name: 'Thief' });
    expectError(response, 400, 'woocommerce_rest_customer_invalid_email', 'Email address is invalid.');
    expect((await get(second.id)).body).toMatchObject({ email: second.email, first_name: '' });
  });

  it('a body id wins over the path id', async () => {
    const pathCustomer = await createFixtureCustomer(t);
    const bodyCustomer = await createFixtureCustomer(t);
    const response = await put(pathCustomer.id, { id: bodyCustomer.id, first_name: 'BodyWins' });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(bodyCustomer.id);
    expect((await get(bodyCustomer.id)).body.first_name).toBe('BodyWins');
    expect((await get(pathCustomer.id)).body.first_name).toBe('');
  });

  it('role is ignored', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await put(customer.id, { id: customer.id, role: 'administrator' });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('customer');
    expect(await metaValues(t, customer.id, 'wp_capabilities')).toEqual([serializedRoles(['customer'])]);
  });

  it('any update, even an empty one, bumps date_modified (profile_update → last_update)', async () => {
    const customer = await createFixtureCustomer(t);
    const { db } = t.host;
    await db.execute(
      `UPDATE ${db.table('usermeta')} SET meta_value = '1000000000' WHERE user_id = ? AND meta_key = 'last_update'`,
      [customer.id],
    );
    expect((await get(customer.id)).body.date_modified_gmt).toBe('2001-09-09T01:46:40');
    const before = Math.floor(Date.now() / 1000);
    const response = await put(customer.id, {});
    expect(response.status).toBe(200);
    const modified = Date.parse(`${response.body.date_modified_gmt}Z`) / 1000;
    expect(modified).toBeGreaterThanOrEqual(before - 1);
    expect(modified).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    expect(response.body.date_modified).toBe(response.body.date_modified_gmt);
    expect(Number((await metaValues(t, customer.id, 'last_update'))[0])).toBe(modified);
  });

  it('a password changes the hash; an empty password changes nothing', async () => {
    const customer = await createFixtureCustomer(t);
    const original = (await userRow(t, customer.id))!.user_pass;
    expect((await put(customer.id, { password: '' })).status).toBe(200);
    expect((await userRow(t, customer.id))!.user_pass).toBe(original);
    expect((await put(customer.id, { password: 'n3w-Passw0rd' })).status).toBe(200);
    const updated = (await userRow(t, customer.id))!.user_pass;
    expect(updated).toMatch(/^\$wp\$2y\$10\$/);
    expect(await checkPassword('n3w-Passw0rd', updated)).toBe(true);
    expect(await checkPassword('secret-pass', updated)).toBe(false);
  });
});

describe('meta_data writes', () => {
  let customer: CustomerJson;

  beforeAll(async () => {
    customer = await createCustomer(t, {
      email: 'meta.writer@example.com',
      password: 'pw',
      meta_data: [{ key: 'colour', value: 'red' }],
    });
  });

  it('without id: updates the existing row of the key, no duplicate', async () => {
    const [original] = meta(customer);
    const response = await put(customer.id, { meta_data: [{ key: 'colour', value: 'blue' }] });
    expect(meta(response.body)).toEqual([{ id: original.id, key: 'colour', value: 'blue' }]);
    expect(await metaValues(t, customer.id, 'colour')).toEqual(['blue']);
  });

  it('with id: updates that row, key and value', async () => {
    const [original] = meta((await get(customer.id)).body);
    const response = await put(customer.id, { meta_data: [{ id: original.id, key: 'color', value: 'green' }] });
    expect(meta(response.body)).toEqual([{ id: original.id, key: 'color', value: 'green' }]);
    expect(await metaValues(t, customer.id, 'colour')).toEqual([]);
    expect(await metaValues(t, customer.id, 'color')).toEqual(['green']);
  });

  it('arrays and objects are stored PHP-serialized and come back as JSON', async () => {
    const response = await put(customer.id, { meta_data: [{ key: 'prefs', value: { news: true, tags: ['a', 'b'] } }] });
    expect(meta(response.body).find((m) => m.key === 'prefs')?.value).toEqual({ news: true, tags: ['a', 'b'] });
    expect(await metaValues(t, customer.id, 'prefs')).toEqual([
      'a:2:{s:4:"news";b:1;s:4:"tags";a:2:{i:0;s:1:"a";i:1;s:1:"b";}}',
    ]);
  });

  it('value null with the id deletes the row', async () => {
    const prefs = meta((await get(customer.id)).body).find((m) => m.key === 'prefs')!;
    const response = await put(customer.id, { meta_data: [{ id: prefs.id, key: 'prefs', value: null }] });
    expect(response.status).toBe(200);
    expect(meta(response.body).map((m) => m.key)).toEqual(['color']);
    expect(await metaValues(t, customer.id, 'prefs')).toEqual([]);
  });

  it('an id of another user is not touched: the key is added to this customer instead', async () => {
    const other = await createCustomer(t, {
      email: 'meta.other@example.com',
      password: 'pw',
      meta_data: [{ key: 'theirs', value: 'x' }],
    });
    const foreign = meta(other)[0];
    const response = await put(customer.id, { meta_data: [{ id: foreign.id, key: 'mine', value: 'y' }] });
    expect(response.status).toBe(200);
    expect(await metaValues(t, other.id, 'theirs')).toEqual(['x']);
    expect(await metaValues(t, customer.id, 'mine')).toEqual(['y']);
  });

  it('protected (_) keys are neither stored nor shown (current WooCommerce)', async () => {
    const response = await put(customer.id, {
      meta_data: [
        { key: 'test_key', value: 'test_value' },
        { key: '_internal_test_key', value: '_internal_test_value' },
      ],
    });
    expect(response.status).toBe(200);
    expect(await metaValues(t, customer.id, 'test_key')).toEqual(['test_value']);
    expect(await metaValues(t, customer.id, '_internal_test_key')).toEqual([]);
    expect(meta(response.body).map((m) => m.key)).not.toContain('_internal_test_key');
  });

  it('internal keys with a setter set the prop (billing_phone → billing.phone), no extra row', async () => {
    const response = await put(customer.id, {
      meta_data: [
        { key: 'billing_phone', value: '555-0199' },
        { key: 'first_name', value: 'Meta' },
      ],
    });
    expect(response.body.billing.phone).toBe('555-0199');
    expect(response.body.first_name).toBe('Meta');
    expect(await metaValues(t, customer.id, 'billing_phone')).toEqual(['555-0199']);
    expect(meta(response.body).map((m) => m.key)).not.toContain('billing_phone');
  });

  it('keys containing the table prefix (capabilities) are never written through meta_data', async () => {
    const response = await put(customer.id, {
      meta_data: [{ key: 'wp_capabilities', value: { administrator: true } }],
    });
    expect(response.body.role).toBe('customer');
    expect(await metaValues(t, customer.id, 'wp_capabilities')).toEqual([serializedRoles(['customer'])]);
  });

  it('a shop manager gets no meta_data key in the update response', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const managerKey = await t.createKey(managerId, 'read_write');
    const response = await put(customer.id, { first_name: 'ByManager' }, managerKey);
    expect(response.status).toBe(200);
    expect(keysOf(response.body)).toEqual([...V2_ADMIN_KEYS.filter((key) => key !== 'meta_data'), '_links']);
  });
});

describe('permission rules of current WooCommerce', () => {
  it('an administrator may update an administrator’s names and addresses', async () => {
    const response = await put(1, {
      first_name: 'admin',
      billing: { first_name: 'admin' },
      shipping: { first_name: 'admin' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      first_name: 'admin',
      billing: { first_name: 'admin' },
      shipping: { first_name: 'admin' },
      role: 'administrator',
    });
    expect((await get(1)).body).toMatchObject({
      first_name: 'admin',
      billing: { first_name: 'admin' },
      shipping: { first_name: 'admin' },
    });
  });

  it("an administrator's email cannot change → 403 woocommerce_rest_cannot_edit; the unchanged email is accepted", async () => {
    const response = await put(1, { email: 'admin2@example.com' });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_edit',
      message: 'Sorry, email cannot be updated via this endpoint for a user with role administrator.',
      data: { status: 403 },
    });
    expect(response.status).toBe(403);
    expect((await userRow(t, 1))!.user_email).toBe('admin@example.com');
    expect((await put(1, { email: 'admin@example.com', last_name: 'Root' })).status).toBe(200);
  });

  it("an administrator's password cannot be set, not even to ''", async () => {
    for (const password of ['new-admin-pass', '']) {
      const response = await put(1, { password });
      expect(response.body).toEqual({
        code: 'woocommerce_rest_cannot_edit',
        message: 'Sorry, password cannot be updated via this endpoint for a user with role administrator.',
        data: { status: 403 },
      });
    }
  });

  it("an administrator's username or role: the username rule and role-ignoring apply", async () => {
    expectError(
      await put(1, { username: 'root' }),
      400,
      'woocommerce_rest_customer_invalid_argument',
      "Username isn't editable.",
    );
    const response = await put(1, { role: 'customer' });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('administrator');
  });

  it('a subscriber may be fully updated (allowed role)', async () => {
    const subscriberId = await makeUserWithRole(t, 'subscriber');
    const response = await put(subscriberId, {
      billing: { first_name: 'Jane' },
      shipping: { first_name: 'Jane' },
      email: 'jane.sub@example.com',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      role: 'subscriber',
      email: 'jane.sub@example.com',
      billing: { first_name: 'Jane' },
      shipping: { first_name: 'Jane' },
    });
  });

  it('a shop manager: customers yes, administrators no', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const managerKey = await t.createKey(managerId, 'read_write');
    const customer = await createFixtureCustomer(t);
    expect((await put(customer.id, { first_name: 'Managed' }, managerKey)).status).toBe(200);
    const response = await put(1, { first_name: 'Hacked' }, managerKey);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_edit',
      message: 'Sorry, you are not allowed to edit this resource.',
      data: { status: 403 },
    });
  });

  it('a customer-role key → 403 woocommerce_rest_cannot_edit, even on itself', async () => {
    const customer = await createFixtureCustomer(t);
    const key = await t.createKey(customer.id, 'read_write');
    for (const id of [customer.id, 1]) {
      const response = await put(id, { first_name: 'Self' }, key);
      expect(response.body).toEqual({
        code: 'woocommerce_rest_cannot_edit',
        message: 'Sorry, you are not allowed to edit this resource.',
        data: { status: 403 },
      });
    }
  });

  it('a read-only key → 401 woocommerce_rest_authentication_error, nothing written', async () => {
    const customer = await createFixtureCustomer(t);
    const readKey = await t.createKey(1, 'read');
    const response = await put(customer.id, { first_name: 'ReadOnly' }, readKey);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have write permissions.',
      data: { status: 401 },
    });
    expect(response.status).toBe(401);
    expect((await get(customer.id)).body).toMatchObject({ first_name: '', shipping: EMPTY_SHIPPING });
  });
});
