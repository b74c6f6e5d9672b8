import { createTestHost, type TestHost } from './helpers/testHost';
import {
  REST_DATE,
  V1_KEYS as V1_OBJECT_KEYS,
  as,
  expectError,
  keysOf,
  metaValues,
  serializedRoles,
  userRow,
} from './helpers/customers';

/**
 * wc/v1 over HTTP: the v1 rows of WooCommerce's controller tests
 * (Version1/class-wc-rest-customers-v1-controller-tests.php, current WooCommerce) — v1 shares v2's permission and role
 * rules — plus v1's own object in every answer (docs/woocommerce-behaviour.md#api-versions).
 */

const V1 = '/wp-json/wc/v1';
const ADMIN_ID = 1;

const V1_KEYS = [...V1_OBJECT_KEYS, '_links'];

/** The test's setUp: factory users with the customer role (made here through the API, which gives that role). */
async function createCustomerUser(t: TestHost, email: string): Promise<number> {
  const response = await as(t.http.post(`${V1}/customers`), t.adminKey).send({ email, password: 'secret-pass' });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  expect(keysOf(response.body)).toEqual(V1_KEYS);
  return response.body.id;
}

const storedRoles = (t: TestHost, id: number) => metaValues(t, id, `${t.host.db.prefix}capabilities`);

describe('WC_REST_Customers_V1_Controller_Tests', () => {
  let t: TestHost;
  let customerId: number;

  beforeAll(async () => {
    t = await createTestHost();
    customerId = await createCustomerUser(t, 'v1.customer@example.com');
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = <T extends Parameters<typeof as>[0]>(request: T) => as(request, t.adminKey);

  describe('test_customer_create_permissions', () => {
    it('an administrator may create: the permission passes (the bad address is the handler’s 400)', async () => {
      expectError(
        await admin(t.http.post(`${V1}/customers`)).send({ email: 'test_customer', role: 'customer' }),
        400,
        'customer_invalid_email',
      );
    });

    it('a role sent on create is ignored: the user is a customer', async () => {
      const response = await admin(t.http.post(`${V1}/customers`)).send({
        role: 'administrator',
        email: 'test_admin@example.com',
      });
      expect(response.status).toBe(201);
      expect(keysOf(response.body)).toEqual(V1_KEYS);
      expect(response.body).not.toHaveProperty('role');
      expect(await storedRoles(t, response.body.id)).toEqual([serializedRoles(['customer'])]);
    });
  });

  describe('test_customer_update_permissions', () => {
    it('an administrator may update a customer', async () => {
      const response = await admin(t.http.put(`${V1}/customers/${customerId}`)).send({});
      expect(response.status).toBe(200);
      expect(keysOf(response.body)).toEqual(V1_KEYS);
    });

    it('non-sensitive fields of an administrator may be updated', async () => {
      const response = await admin(t.http.put(`${V1}/customers/${ADMIN_ID}`)).send({ first_name: 'Test name' });
      expect(response.status).toBe(200);
      expect(response.body.first_name).toBe('Test name');
    });

    it('sensitive fields of an administrator cannot: woocommerce_rest_cannot_edit', async () => {
      const sensitive = { role: 'customer', password: 'test password', username: 'admin2', email: 'admin2example.com' };
      // Over HTTP the malformed address fails argument validation first, as WordPress validates before permissions.
      expectError(await admin(t.http.put(`${V1}/customers/${ADMIN_ID}`)).send(sensitive), 400, 'rest_invalid_param');
      expectError(
        await admin(t.http.put(`${V1}/customers/${ADMIN_ID}`)).send({ ...sensitive, email: 'admin2@example.com' }),
        403,
        'woocommerce_rest_cannot_edit',
        'Sorry, email cannot be updated via this endpoint for a user with role administrator.',
      );
      expectError(
        await admin(t.http.put(`${V1}/customers/${ADMIN_ID}`)).send({ password: 'test password' }),
        403,
        'woocommerce_rest_cannot_edit',
        'Sorry, password cannot be updated via this endpoint for a user with role administrator.',
      );
      const row = await userRow(t, ADMIN_ID);
      expect({ login: row!.user_login, email: row!.user_email }).toEqual({
        login: 'admin',
        email: expect.not.stringMatching(/^admin2/),
      });
    });
  });

  it('test_customer_delete_permission: a customer yes, an administrator no', async () => {
    const doomed = await createCustomerUser(t, 'v1.doomed@example.com');
    const deleted = await admin(t.http.delete(`${V1}/customers/${doomed}?force=true`));
    expect(deleted.status).toBe(200);
    expect(keysOf(deleted.body)).toEqual(V1_KEYS);
    expect(deleted.body.id).toBe(doomed);
    expectError(
      await admin(t.http.delete(`${V1}/customers/${ADMIN_ID}?force=true`)),
      403,
      'woocommerce_rest_cannot_delete',
      'Sorry, users with administrator role cannot be deleted via this endpoint. Allowed roles: customer, subscriber',
    );
  });

  it('test_customer_view_permission: a customer and an administrator', async () => {
    const customer = await admin(t.http.get(`${V1}/customers/${customerId}`));
    expect(customer.status).toBe(200);
    expect(keysOf(customer.body)).toEqual(V1_KEYS);
    const administrator = await admin(t.http.get(`${V1}/customers/${ADMIN_ID}`));
    expect(administrator.status).toBe(200);
    expect(administrator.body).toMatchObject({ id: ADMIN_ID, username: 'admin', last_order: { id: null, date: null } });
    expect(administrator.body).not.toHaveProperty('meta_data');
  });

  it('an unknown id: 404 wc_user_invalid_id (current WooCommerce), as in v2', async () => {
    expectError(await admin(t.http.get(`${V1}/customers/0`)), 404, 'wc_user_invalid_id', 'Invalid user ID.');
    expectError(await admin(t.http.delete(`${V1}/customers/999999?force=true`)), 404, 'wc_user_invalid_id');
  });

  it('the v1 object: UTC dates, last_order, totals, no role/is_paying_customer/meta_data', async () => {
    const response = await admin(t.http.get(`${V1}/customers/${customerId}`));
    expect(response.body.date_created).toMatch(REST_DATE);
    expect(response.body.date_modified).toMatch(REST_DATE);
    expect(response.body).toMatchObject({ last_order: { id: null, date: null }, orders_count: 0, total_spent: '0.00' });
    for (const key of ['date_created_gmt', 'date_modified_gmt', 'role', 'is_paying_customer', 'meta_data']) {
      expect(response.body).not.toHaveProperty(key);
    }
  });

  it('the list arguments are v2’s (WC_REST_Customers_V2_Controller inherits them)', async () => {
    const v1 = (await admin(t.http.options(`${V1}/customers`))).body.endpoints[0];
    const v2 = (await admin(t.http.options('/wp-json/wc/v2/customers'))).body.endpoints[0];
    expect(v1.methods).toEqual(['GET']);
    expect(v1.args).toEqual(v2.args);
  });
});

describe('test_batch_permissions_customer', () => {
  let t: TestHost;

  beforeAll(async () => {
    t = await createTestHost();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates, updates a customer’s email and deletes another customer', async () => {
    const customerId = await createCustomerUser(t, 'factory.one@example.com');
    const customerId2 = await createCustomerUser(t, 'factory.two@example.com');
    const response = await as(t.http.post(`${V1}/customers/batch`), t.adminKey).send({
      create: [{ email: 'test_customer@example.com', role: 'customer' }],
      update: [{ id: customerId, email: 'dummy_customer_email2@example.com' }],
      delete: [customerId2],
    });
    expect(response.status).toBe(200);
    const data = response.body;
    expect(data.create[0].id).toBeGreaterThan(0);
    expect(keysOf(data.create[0])).toEqual(V1_KEYS);
    expect(data.update[0].id).toBe(customerId);
    expect(keysOf(data.update[0])).toEqual(V1_KEYS);
    expect((await userRow(t, customerId))!.user_email).toBe('dummy_customer_email2@example.com');
    expect(data.delete[0].id).toBe(customerId2);
    expect(data.delete[0]).not.toHaveProperty('error');
    expect(keysOf(data.delete[0])).toEqual(V1_KEYS);
    expect(await userRow(t, customerId2)).toBeUndefined();
  });
});

describe('test_batch_permissions_admin', () => {
  let t: TestHost;

  beforeAll(async () => {
    t = await createTestHost();
  });

  afterAll(async () => {
    await t.close();
  });

  it('a misspelt role still gives a customer; the administrator can be neither re-addressed nor deleted', async () => {
    const adminEmail = (await userRow(t, ADMIN_ID))!.user_email;
    const response = await as(t.http.post(`${V1}/customers/batch`), t.adminKey).send({
      create: [{ email: 'test_customer@example.com', role: 'admniistrator' }],
      update: [{ id: ADMIN_ID, email: 'dummy_email@example.com' }],
      delete: [ADMIN_ID],
    });
    expect(response.status).toBe(200);
    const data = response.body;
    expect(await storedRoles(t, data.create[0].id)).toEqual([serializedRoles(['customer'])]);
    expect(data.update[0]).toEqual({
      id: ADMIN_ID,
      error: {
        code: 'woocommerce_rest_cannot_edit',
        message: 'Sorry, email cannot be updated via this endpoint for a user with role administrator.',
        data: { status: 403 },
      },
    });
    expect(data.delete[0]).toEqual({
      id: ADMIN_ID,
      error: {
        code: 'woocommerce_rest_cannot_delete',
        message:
          'Sorry, users with administrator role cannot be deleted via this endpoint. Allowed roles: customer, subscriber',
        data: { status: 403 },
      },
    });
    expect((await userRow(t, ADMIN_ID))!.user_email).toBe(adminEmail);
  });
});
