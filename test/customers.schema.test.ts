import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import { REFERENCE_OPTIONS_CUSTOMERS_BODY } from './helpers/restReference';
import {
  V2_SCHEMA_PROPERTIES,
  REST_ROOT,
  V2,
  anonymous,
  as,
  createFixtureCustomer,
  makeUserWithRole,
} from './helpers/customers';

/**
 * OPTIONS, discovery and the Allow header of the wc/v2 customers routes
 * (docs/woocommerce-behaviour.md#the-wordpress-rest-server): the OPTIONS answer WooCommerce 8.9.1 gave, and
 * WooCommerce's register_routes and customer_schema tests.
 */

let t: TestHost;
let customerId: number;

const options = (path: string, key: TestKey | null = t.adminKey) => {
  const request = t.http.options(`${V2}${path}`);
  return key ? as(request, key) : anonymous(request);
};

beforeAll(async () => {
  t = await createTestHost();
  customerId = (await createFixtureCustomer(t)).id;
});

afterAll(async () => {
  await t.close();
});

describe('OPTIONS /wc/v2/customers, as WooCommerce 8.9.1 answered it', () => {
  it('answers the reference body byte for byte, with Allow: GET, POST', async () => {
    const response = await options('/customers');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(response.headers.allow).toBe('GET, POST');
    expect(response.text).toBe(REFERENCE_OPTIONS_CUSTOMERS_BODY);
  });

  it('customer_schema: 18 properties with the address sub-properties, shipping without phone', async () => {
    const { body } = await options('/customers');
    const { schema } = body;
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'customer',
      type: 'object',
    });
    expect(Object.keys(schema.properties)).toEqual(V2_SCHEMA_PROPERTIES);
    expect(Object.keys(schema.properties.billing.properties)).toEqual([
      'first_name',
      'last_name',
      'company',
      'address_1',
      'address_2',
      'city',
      'state',
      'postcode',
      'country',
      'email',
      'phone',
    ]);
    expect(Object.keys(schema.properties.shipping.properties)).toEqual([
      'first_name',
      'last_name',
      'company',
      'address_1',
      'address_2',
      'city',
      'state',
      'postcode',
      'country',
    ]);
    expect(schema.properties.password.context).toEqual(['edit']);
    for (const readOnly of [
      'id',
      'date_created',
      'date_modified_gmt',
      'role',
      'is_paying_customer',
      'orders_count',
      'total_spent',
      'avatar_url',
    ]) {
      expect(schema.properties[readOnly].readonly).toBe(true);
    }
  });

  it('needs no permission: anonymous gets the same body but no Allow header', async () => {
    const response = await options('/customers', null);
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBeUndefined();
    expect(response.body.schema.title).toBe('customer');
    expect(response.body.namespace).toBe('wc/v2');
  });

  it('create args follow the registration options: username/password required when set to "no"', async () => {
    await t.host.options.update('woocommerce_registration_generate_username', 'no');
    await t.host.options.update('woocommerce_registration_generate_password', 'no');
    try {
      const { body } = await options('/customers');
      const createArgs = body.endpoints[1].args;
      expect(createArgs.username.required).toBe(true);
      expect(createArgs.password.required).toBe(true);
      const response = await as(t.http.post(`${V2}/customers`), t.adminKey).send({ email: 'needs.both@example.com' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        code: 'rest_missing_callback_param',
        message: 'Missing parameter(s): username, password',
        data: { status: 400, params: ['username', 'password'] },
      });
    } finally {
      await t.host.options.update('woocommerce_registration_generate_username', 'yes');
      await t.host.options.update('woocommerce_registration_generate_password', 'yes');
    }
  });

  it('a missing generate-password option counts as "no" (the route reads it with default "no"); username defaults to "yes"', async () => {
    const { db } = t.host;
    const [seeded] = await db.query<{ option_value: string }>(
      `SELECT option_value FROM ${db.table('options')} WHERE option_name = 'woocommerce_registration_generate_password'`,
    );
    expect(seeded.option_value).toBe('yes');
    await t.host.options.delete('woocommerce_registration_generate_password');
    await t.host.options.delete('woocommerce_registration_generate_username');
    try {
      const createArgs = (await options('/customers')).body.endpoints[1].args;
      expect(createArgs.password.required).toBe(true);
      expect(createArgs.username.required).toBe(false);
    } finally {
      await t.host.options.update('woocommerce_registration_generate_password', 'yes');
      await t.host.options.update('woocommerce_registration_generate_username', 'yes');
    }
  });
});

describe('OPTIONS on the other routes', () => {
  it('/customers/{id}: GET, the three edit methods, DELETE with force/reassign; Allow for an administrator', async () => {
    const response = await options(`/customers/${customerId}`);
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    const { body } = response;
    expect(body.namespace).toBe('wc/v2');
    expect(body.methods).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(body.endpoints.map((endpoint: { methods: string[] }) => endpoint.methods)).toEqual([
      ['GET'],
      ['POST', 'PUT', 'PATCH'],
      ['DELETE'],
    ]);
    expect(body.endpoints[0].args).toEqual({
      id: { description: 'Unique identifier for the resource.', type: 'integer', required: false },
      context: {
        description: 'Scope under which the request is made; determines fields present in response.',
        type: 'string',
        enum: ['view', 'edit'],
        default: 'view',
        required: false,
      },
    });
    expect(body.endpoints[1].args.email).toEqual({
      description: 'The email address for the customer.',
      type: 'string',
      format: 'email',
      required: false,
    });
    expect(body.endpoints[2].args).toEqual({
      id: { description: 'Unique identifier for the resource.', type: 'integer', required: false },
      force: {
        default: false,
        type: 'boolean',
        description: 'Required to be true, as resource does not support trashing.',
        required: false,
      },
      reassign: { default: 0, type: 'integer', description: 'ID to reassign posts to.', required: false },
    });
    expect(body.schema.title).toBe('customer');
    expect(body).not.toHaveProperty('_links');
  });

  it('/customers/batch: the batch schema, Allow: POST, PUT, PATCH', async () => {
    const response = await options('/customers/batch');
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('POST, PUT, PATCH');
    expect(response.body.methods).toEqual(['POST', 'PUT', 'PATCH']);
    expect(response.body.schema).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'batch',
      type: 'object',
      properties: {
        create: {
          description: 'List of created resources.',
          type: 'array',
          context: ['view', 'edit'],
          items: { type: 'object' },
        },
        update: {
          description: 'List of updated resources.',
          type: 'array',
          context: ['view', 'edit'],
          items: { type: 'object' },
        },
        delete: {
          description: 'List of delete resources.',
          type: 'array',
          context: ['view', 'edit'],
          items: { type: 'integer' },
        },
      },
    });
    expect(response.body._links).toEqual({ self: [{ href: `${REST_ROOT}/wc/v2/customers/batch` }] });
  });

  it('an unknown id still describes the route, but no permission passes, so no Allow', async () => {
    const response = await options('/customers/999999');
    expect(response.status).toBe(200);
    expect(response.body.schema.title).toBe('customer');
    expect(response.headers.allow).toBeUndefined();
  });
});

describe('the Allow header follows the requester', () => {
  it("an administrator on an administrator: no DELETE (current WooCommerce's allowed roles)", async () => {
    expect((await as(t.http.get(`${V2}/customers/1`), t.adminKey)).headers.allow).toBe('GET, POST, PUT, PATCH');
  });

  it('a shop manager: list and create (create_customers, WooCommerce 9.9+), edit customers, no delete, no batch', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const key = await t.createKey(managerId, 'read_write');
    expect((await as(t.http.get(`${V2}/customers`), key)).headers.allow).toBe('GET, POST');
    expect((await as(t.http.get(`${V2}/customers/${customerId}`), key)).headers.allow).toBe('GET, POST, PUT, PATCH');
    expect((await as(t.http.get(`${V2}/customers/1`), key)).headers.allow).toBe('GET');
    expect((await as(t.http.options(`${V2}/customers/batch`), key)).headers.allow).toBeUndefined();
  });

  it('a customer: nothing allowed, so no header', async () => {
    const key = await t.createKey(customerId, 'read_write');
    const response = await as(t.http.get(`${V2}/customers/${customerId}`), key);
    expect(response.status).toBe(403);
    expect(response.headers.allow).toBeUndefined();
  });
});

describe('discovery (register_routes)', () => {
  const ROUTES = ['/wc/v2/customers', '/wc/v2/customers/(?P<id>[\\d]+)', '/wc/v2/customers/batch'];

  it('GET /wp-json/wc/v2 lists the three customers routes (no schemas)', async () => {
    const response = await anonymous(t.http.get('/wp-json/wc/v2'));
    expect(response.status).toBe(200);
    expect(response.body.namespace).toBe('wc/v2');
    for (const route of ROUTES) expect(response.body.routes).toHaveProperty([route]);
    expect(response.body.routes['/wc/v2/customers']).toEqual({
      namespace: 'wc/v2',
      methods: ['GET', 'POST'],
      endpoints: expect.any(Array),
      _links: { self: [{ href: `${REST_ROOT}/wc/v2/customers` }] },
    });
    expect(response.body.routes['/wc/v2/customers/(?P<id>[\\d]+)']).not.toHaveProperty('_links');
    expect(response.body.routes['/wc/v2/customers']).not.toHaveProperty('schema');
    expect(response.body._links).toEqual({ up: [{ href: `${REST_ROOT}/` }] });
  });

  it('GET /wp-json/ names the wc/v2 namespace and its routes', async () => {
    const response = await anonymous(t.http.get('/wp-json/'));
    expect(response.status).toBe(200);
    expect(response.body.namespaces).toContain('wc/v2');
    for (const route of ROUTES) expect(response.body.routes).toHaveProperty([route]);
  });

  it('?rest_route= reaches the same endpoints without pretty permalinks', async () => {
    const response = await as(t.http.get(`/?rest_route=/wc/v2/customers/${customerId}`), t.adminKey);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(customerId);
    // rest_url() depends on the site's permalinks, not on how this request was addressed: /wp-json is always served.
    expect(response.body._links.self[0].href).toBe(`${REST_ROOT}/wc/v2/customers/${customerId}`);
  });
});
