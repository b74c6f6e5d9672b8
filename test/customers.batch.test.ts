import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import {
  EMPTY_BILLING,
  JOHN_DOE,
  REST_ROOT,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  createFixtureCustomer,
  expectError,
  keysOf,
  makeUserWithRole,
  metaValues,
  serializedRoles,
  userRow,
} from './helpers/customers';

/**
 * POST|PUT|PATCH /wp-json/wc/v2/customers/batch (docs/woocommerce-behaviour.md#batch): the documented batch example as
 * current WooCommerce answers it, and the batch rows of WooCommerce's own tests
 * (docs/woocommerce-behaviour.md#woocommerces-own-tests).
 */

let t: TestHost;

const batch = (body: unknown, key: TestKey = t.adminKey) =>
  as(t.http.post(`${V2}/customers/batch`), key).send(body as object);
const get = (id: number) => as(t.http.get(`${V2}/customers/${id}`), t.adminKey);

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const invalidUser = (id: unknown) => ({
  id,
  error: { code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } },
});

describe('the documented batch example, as current WooCommerce answers it', () => {
  it('creates, updates and deletes in order, with per-item errors', async () => {
    const john = await createCustomer(t, JOHN_DOE);
    const response = await batch({
      create: [
        {
          email: 'jane.roe@example.com',
          first_name: 'Jane',
          last_name: 'Roe',
          username: 'jane.roe',
          password: 'pw-Secret-1',
        },
        { email: 'john.doe@example.com', username: 'dup.in.batch' },
      ],
      update: [
        { id: john.id, last_name: 'Doe-Updated' },
        { id: 999999, first_name: 'Nobody' },
      ],
      delete: [999998],
    });
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('POST, PUT, PATCH');
    expect(keysOf(response.body)).toEqual(['create', 'update', 'delete']);

    const [jane, duplicate] = response.body.create;
    expect(keysOf(jane)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(jane).toMatchObject({
      email: 'jane.roe@example.com',
      first_name: 'Jane',
      last_name: 'Roe',
      role: 'customer',
      username: 'jane.roe',
      billing: EMPTY_BILLING,
    });
    expect(jane._links).toEqual({
      self: [{ href: `${REST_ROOT}/wc/v2/customers/${jane.id}` }],
      collection: [{ href: `${REST_ROOT}/wc/v2/customers` }],
    });
    expect(duplicate).toEqual({
      id: 0,
      error: {
        code: 'registration-error-email-exists',
        message:
          'An account is already registered with john.doe@example.com. Please log in or use a different email address.',
        data: { status: 400 },
      },
    });

    const [updated, missing] = response.body.update;
    expect(updated).toMatchObject({
      id: john.id,
      first_name: 'John',
      last_name: 'Doe-Updated',
      billing: JOHN_DOE.billing,
    });
    expect(keysOf(updated)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(missing).toEqual(invalidUser(999999));
    expect(response.body.delete).toEqual([invalidUser(999998)]);
    expect((await get(jane.id)).status).toBe(200);
  });
});

describe('WooCommerce tests', () => {
  it('batch_customer: update, delete two, create one; then 3 customers are listed', async () => {
    const fresh = await createTestHost();
    try {
      const post = (body: unknown) => as(fresh.http.post(`${V2}/customers/batch`), fresh.adminKey).send(body as object);
      const helpers = [];
      for (const name of ['batch1', 'batch2', 'batch3', 'batch4']) {
        helpers.push(
          await createCustomer(fresh, {
            username: name,
            password: 'test123',
            email: `${name}@woo.local`,
            first_name: 'Justin',
          }),
        );
      }
      const [c1, c2, c3] = helpers;
      const response = await post({
        update: [{ id: c1.id, last_name: 'McTest' }],
        delete: [c2.id, c3.id],
        create: [{ username: 'newuser', password: 'test123', email: 'newuser@woo.local' }],
      });
      expect(response.status).toBe(200);
      expect(response.body.update[0].last_name).toBe('McTest');
      expect(response.body.create[0].username).toBe('newuser');
      expect(response.body.create[0].last_name).toBe('');
      expect(response.body.delete[0].id).toBe(c2.id);
      expect(response.body.delete[1].id).toBe(c3.id);
      expect(response.body.delete[0].username).toBe('batch2');
      const list = await as(fresh.http.get(`${V2}/customers`), fresh.adminKey);
      expect(list.body).toHaveLength(3);
    } finally {
      await fresh.close();
    }
  });

  it('controller tests: create with role, update an email, delete a customer — no errors', async () => {
    const customer = await createFixtureCustomer(t);
    const customer2 = await createFixtureCustomer(t);
    const response = await batch({
      create: [{ email: 'dummy_customer_create@example.com', role: 'customer' }],
      update: [{ id: customer.id, email: 'dummy_customer_email2@example.com' }],
      delete: [customer2.id],
    });
    expect(response.body.create[0].id).toBeGreaterThan(0);
    expect(response.body.update[0].email).toBe('dummy_customer_email2@example.com');
    expect((await userRow(t, customer.id))!.user_email).toBe('dummy_customer_email2@example.com');
    expect(response.body.delete[0].id).toBe(customer2.id);
    expect(response.body.delete[0]).not.toHaveProperty('error');
  });

  it('controller tests: a misspelt admin role creates a customer; an administrator can be neither edited (email) nor deleted', async () => {
    const response = await batch({
      create: [{ email: 'dummy_admin_create@example.com', role: 'admniistrator' }],
      update: [{ id: 1, email: 'dummy_admin_email2@example.com' }],
      delete: [1],
    });
    expect(response.status).toBe(200);
    expect(response.body.create[0].role).toBe('customer');
    expect(await metaValues(t, response.body.create[0].id, 'wp_capabilities')).toEqual([serializedRoles(['customer'])]);
    expect(response.body.update).toEqual([
      {
        id: 1,
        error: {
          code: 'woocommerce_rest_cannot_edit',
          message: 'Sorry, email cannot be updated via this endpoint for a user with role administrator.',
          data: { status: 403 },
        },
      },
    ]);
    expect(response.body.delete).toEqual([
      {
        id: 1,
        error: {
          code: 'woocommerce_rest_cannot_delete',
          message:
            'Sorry, users with administrator role cannot be deleted via this endpoint. Allowed roles: customer, subscriber',
          data: { status: 403 },
        },
      },
    ]);
    expect((await userRow(t, 1))!.user_email).toBe('admin@example.com');
  });

  it('JS API tests: João Silva and John Doe — create (non-ASCII kept, order kept), update, delete', async () => {
    const address = (postcode: string, country: string) => ({
      address_1: '969 Market',
      city: 'San Francisco',
      state: 'CA',
      postcode,
      country,
    });
    const created = await batch({
      create: [
        {
          email: 'john.doe2@example.com',
          first_name: 'John',
          last_name: 'Doe',
          username: 'john.doe2',
          billing: address('94103', 'US'),
          shipping: address('94103', 'US'),
        },
        {
          email: 'joao.silva2@example.com',
          first_name: 'João',
          last_name: 'Silva',
          username: 'joao.silva2',
          billing: { ...address('12345-000', 'BR'), first_name: 'João' },
          shipping: address('12345-000', 'BR'),
        },
      ],
    });
    expect(created.status).toBe(200);
    expect(keysOf(created.body)).toEqual(['create']);
    expect(created.body.create.map((c: { first_name: string }) => c.first_name)).toEqual(['John', 'João']);
    const [a, b] = created.body.create.map((c: { id: number }) => c.id);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(created.body.create[1].billing).toMatchObject({ first_name: 'João', postcode: '12345-000', country: 'BR' });
    expect(await metaValues(t, b, 'first_name')).toEqual(['João']);
    expect((await get(b)).body.first_name).toBe('João');

    const updated = await batch({
      update: [
        { id: a, email: 'emailupdated@example.com' },
        { id: b, billing: { address_1: '123 Addressupdate Street' } },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.update.map((c: { id: number }) => c.id)).toEqual([a, b]);
    expect(updated.body.update[0].email).toBe('emailupdated@example.com');
    expect(updated.body.update[1].billing).toMatchObject({
      address_1: '123 Addressupdate Street',
      postcode: '12345-000',
      first_name: 'João',
    });

    const deleted = await batch({ delete: [a, b] });
    expect(deleted.status).toBe(200);
    expect(deleted.body.delete.map((c: { id: number }) => c.id)).toEqual([a, b]);
    expect((await get(a)).status).toBe(404);
    expect((await get(b)).status).toBe(404);
  });

  it('Playwright test: two creates, updates to Jack / José in order, deletes in order (PUT and PATCH work too)', async () => {
    const created = await batch({
      create: [
        { email: 'customer.batch.one@example.com', username: 'customer.batch.one' },
        { email: 'customer.batch.two@example.com', username: 'customer.batch.two' },
      ],
    });
    const ids = created.body.create.map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(2);
    expect(created.body.create.map((c: { email: string }) => c.email)).toEqual([
      'customer.batch.one@example.com',
      'customer.batch.two@example.com',
    ]);
    const updated = await as(t.http.put(`${V2}/customers/batch`), t.adminKey).send({
      update: [
        { id: ids[0], first_name: 'Jack' },
        { id: ids[1], first_name: 'José' },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.update.map((c: { id: number }) => c.id)).toEqual(ids);
    expect((await get(ids[0])).body.first_name).toBe('Jack');
    expect((await get(ids[1])).body.first_name).toBe('José');
    const deleted = await as(t.http.patch(`${V2}/customers/batch`), t.adminKey).send({ delete: ids });
    expect(deleted.body.delete.map((c: { id: number }) => c.id)).toEqual(ids);
    for (const id of ids) expect((await get(id)).status).toBe(404);
  });
});

describe('batch rules', () => {
  it('an empty batch → []', async () => {
    for (const body of [{}, { create: [], update: [], delete: [] }]) {
      const response = await batch(body);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
    }
  });

  it('more than 100 items → 413 before any work', async () => {
    const create = Array.from({ length: 50 }, (_, index) => ({ email: `limit${index}@example.com`, password: 'pw' }));
    const update = Array.from({ length: 51 }, () => ({ id: 1, first_name: 'Over' }));
    const response = await batch({ create, update });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_request_entity_too_large',
      message: 'Unable to accept more than 100 items for this request.',
      data: { status: 413 },
    });
    const { db } = t.host;
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_email LIKE 'limit%'`)).toEqual([]);
  });

  it('exactly 100 items are accepted; 0 ids in delete are skipped silently', async () => {
    const response = await batch({ delete: Array.from({ length: 100 }, () => 0) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it('the limit follows woocommerce_rest_batch_items_limit', async () => {
    t.host.hooks.addFilter('woocommerce_rest_batch_items_limit', 'test/limit', () => 2);
    try {
      const response = await batch({ delete: [0, 0, 0] });
      expectError(
        response,
        413,
        'woocommerce_rest_request_entity_too_large',
        'Unable to accept more than 2 items for this request.',
      );
    } finally {
      t.host.hooks.removeFilter('woocommerce_rest_batch_items_limit', 'test/limit');
    }
  });

  it('sections run create → update → delete whatever the body order; failures do not stop or roll back the others', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await batch({
      delete: [customer.id],
      update: [
        { id: customer.id, first_name: 'BeforeDelete' },
        { id: customer.id, username: 'renamed' },
      ],
      create: [{ email: 'order.check@example.com', password: 'pw' }],
    });
    expect(keysOf(response.body)).toEqual(['create', 'update', 'delete']);
    expect(response.body.update[0].first_name).toBe('BeforeDelete');
    expect(response.body.update[1]).toEqual({
      id: customer.id,
      error: {
        code: 'woocommerce_rest_customer_invalid_argument',
        message: "Username isn't editable.",
        data: { status: 400 },
      },
    });
    expect(response.body.delete[0]).toMatchObject({ id: customer.id, first_name: 'BeforeDelete' });
    expect((await get(customer.id)).status).toBe(404);
    expect((await get(response.body.create[0].id)).status).toBe(200);
  });

  it('items skip REST validation: WooCommerce’s own errors come back', async () => {
    const customer = await createFixtureCustomer(t, { billing: { company: 'Acme' } });
    const response = await batch({
      create: [
        { username: 'no.email' },
        { email: 'not-an-email' },
        { email: 'billing.bad@example.com', billing: { email: 'nope' } },
      ],
      update: [{ id: customer.id, billing: { company: null, city: 'Porto' } }, { first_name: 'NoId' }],
    });
    expect(response.body.create).toEqual([
      {
        id: 0,
        error: {
          code: 'registration-error-invalid-email',
          message: 'Please provide a valid email address.',
          data: { status: 400 },
        },
      },
      { id: 0, error: { code: 'customer_invalid_email', message: 'Invalid email address', data: { status: 400 } } },
      {
        id: 0,
        error: {
          code: 'customer_invalid_billing_email',
          message: 'Invalid billing email address',
          data: { status: 400 },
        },
      },
    ]);
    // A null sub-key is "not present" (isset), so the company is kept.
    expect(response.body.update[0].billing).toMatchObject({ company: 'Acme', city: 'Porto' });
    expect(response.body.update[1]).toEqual(invalidUser(null));
    const { db } = t.host;
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_email = 'billing.bad@example.com'`)).toEqual(
      [],
    );
  });

  it('an invalid update email is refused per item with customer_invalid_email and changes nothing', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await batch({ update: [{ id: customer.id, email: 'bad' }] });
    expect(response.body.update[0]).toEqual({
      id: customer.id,
      error: { code: 'customer_invalid_email', message: 'Invalid email address', data: { status: 400 } },
    });
    expect((await userRow(t, customer.id))!.user_email).toBe(customer.email);
  });

  it('delete ids: digit strings count; true, "abc" and 1.5 are refused, never read as user 1', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await batch({ delete: [String(customer.id), true, 'abc', 1.5] });
    expect(response.body.delete[0]).toMatchObject({ id: customer.id, username: customer.username });
    for (const entry of response.body.delete.slice(1)) {
      expect(entry.error.code).toBe('woocommerce_rest_invalid_id');
      expect(entry.error.data.status).toBe(400);
    }
    expect(response.body.delete.slice(1).map((entry: { id: unknown }) => entry.id)).toEqual([true, 'abc', 1.5]);
    expect((await get(1)).status).toBe(200);
  });

  it('a subscriber can be deleted, a shop manager cannot', async () => {
    const subscriberId = await makeUserWithRole(t, 'subscriber');
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const response = await batch({ delete: [subscriberId, managerId] });
    expect(response.body.delete[0]).toMatchObject({ id: subscriberId, role: 'subscriber' });
    expect(response.body.delete[1].error).toEqual({
      code: 'woocommerce_rest_cannot_delete',
      message:
        'Sorry, users with shop_manager role cannot be deleted via this endpoint. Allowed roles: customer, subscriber',
      data: { status: 403 },
    });
  });
});

describe('the batch permission', () => {
  const body = { create: [{ email: 'forbidden@example.com', password: 'pw' }] };
  const cannotBatch = (status: number) => ({
    code: 'woocommerce_rest_cannot_batch',
    message: 'Sorry, you are not allowed to batch manipulate this resource.',
    data: { status },
  });

  it('anonymous → 401 woocommerce_rest_cannot_batch', async () => {
    const response = await anonymous(t.http.post(`${V2}/customers/batch`)).send(body);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(cannotBatch(401));
    expect(response.headers.allow).toBeUndefined();
  });

  it('a customer-role key → 403', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await batch(body, await t.createKey(customer.id, 'read_write'));
    expect(response.body).toEqual(cannotBatch(403));
  });

  it('a shop manager (no promote_users) → 403', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const response = await batch(body, await t.createKey(managerId, 'read_write'));
    expect(response.body).toEqual(cannotBatch(403));
  });

  it('a read-only key → 401 woocommerce_rest_authentication_error; nothing created', async () => {
    const response = await batch(body, await t.createKey(1, 'read'));
    expect(response.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have write permissions.',
      data: { status: 401 },
    });
    const { db } = t.host;
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_email = 'forbidden@example.com'`)).toEqual(
      [],
    );
  });

  it('GET on the batch route is not registered → 404 rest_no_route', async () => {
    const response = await as(t.http.get(`${V2}/customers/batch`), t.adminKey);
    expectError(response, 404, 'rest_no_route');
  });
});
