import { CUSTOMER_HOOKS } from '../plugins/customers';
import { createTestHost, type TestHost } from './helpers/testHost';
import {
  EMPTY_BILLING,
  EMPTY_SHIPPING,
  JOHN_DOE,
  REST_ROOT,
  V1_KEYS,
  V2_ADMIN_KEYS,
  V2_SCHEMA_PROPERTIES,
  V3_ADMIN_KEYS,
  as,
  createFixtureCustomer,
  gravatar,
  keysOf,
  metaValues,
  restDate,
  userRow,
} from './helpers/customers';

/**
 * The three namespaces of the customers API (docs/woocommerce-behaviour.md#api-versions): one implementation, three
 * shapes. The same customer answered by wc/v1, wc/v2 and wc/v3; each schema; the indexes; what only some versions
 * write; v1's UTC dates and its date_created offset quirk; the hooks fired the same way under every namespace.
 */

const NAMESPACES = ['wc/v1', 'wc/v2', 'wc/v3'] as const;
type Namespace = (typeof NAMESPACES)[number];
const url = (namespace: Namespace, path: string) => `/wp-json/${namespace}${path}`;

const KEYS: Record<Namespace, string[]> = { 'wc/v1': V1_KEYS, 'wc/v2': V2_ADMIN_KEYS, 'wc/v3': V3_ADMIN_KEYS };

const ADDRESS_KEYS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'city',
  'state',
  'postcode',
  'country',
];
const SCHEMA_KEYS: Record<Namespace, string[]> = {
  'wc/v1': [
    'id',
    'date_created',
    'date_modified',
    'email',
    'first_name',
    'last_name',
    'username',
    'password',
    'last_order',
    'orders_count',
    'total_spent',
    'avatar_url',
    'billing',
    'shipping',
  ],
  'wc/v2': V2_SCHEMA_PROPERTIES,
  'wc/v3': V2_SCHEMA_PROPERTIES.filter((key) => key !== 'orders_count' && key !== 'total_spent'),
};

/** A REST date moved by `seconds`. */
function shift(restDateValue: string, seconds: number): string {
  return new Date(Date.parse(`${restDateValue}Z`) + seconds * 1000).toISOString().slice(0, 19);
}

/** The wall-clock time in `timeZone` of a UTC REST date, computed by Intl (independent of the code under test). */
function wallTime(utcRestDate: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(`${utcRestDate}Z`))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

const get = (namespace: Namespace, path: string) => as(t.http.get(url(namespace, path)), t.adminKey);
const put = (namespace: Namespace, path: string, body: Record<string, unknown>) =>
  as(t.http.put(url(namespace, path)), t.adminKey).send(body);
const options = (namespace: Namespace, path: string) => as(t.http.options(url(namespace, path)), t.adminKey);

describe('one customer, three shapes', () => {
  let id: number;
  const bodies = {} as Record<Namespace, Record<string, any>>;

  beforeAll(async () => {
    const created = await as(t.http.post(url('wc/v3', '/customers')), t.adminKey).send(JOHN_DOE);
    expect(created.status).toBe(201);
    id = created.body.id;
    for (const namespace of NAMESPACES) {
      const response = await get(namespace, `/customers/${id}`);
      expect(response.status).toBe(200);
      bodies[namespace] = response.body;
    }
  });

  it.each(NAMESPACES)('%s answers its own keys, in its own order', (namespace) => {
    expect(keysOf(bodies[namespace])).toEqual([...KEYS[namespace], '_links']);
    expect(keysOf(bodies[namespace].billing)).toEqual(keysOf(EMPTY_BILLING));
    // shipping.phone is in the data of every version (WC ≥ 5.6), whatever the schema says.
    expect(keysOf(bodies[namespace].shipping)).toEqual(keysOf(EMPTY_SHIPPING));
  });

  it.each(NAMESPACES)('%s links to its own namespace', (namespace) => {
    expect(bodies[namespace]._links).toEqual({
      self: [{ href: `${REST_ROOT}/${namespace}/customers/${id}` }],
      collection: [{ href: `${REST_ROOT}/${namespace}/customers` }],
    });
  });

  it('the shared fields are the same customer in every namespace', () => {
    const shared = (body: Record<string, any>) => ({
      id: body.id,
      email: body.email,
      first_name: body.first_name,
      last_name: body.last_name,
      username: body.username,
      avatar_url: body.avatar_url,
      billing: body.billing,
      shipping: body.shipping,
    });
    const expected = {
      id,
      email: 'john.doe@example.com',
      first_name: 'John',
      last_name: 'Doe',
      username: 'john.doe',
      avatar_url: gravatar('john.doe@example.com'),
      billing: JOHN_DOE.billing,
      shipping: { ...JOHN_DOE.shipping, phone: '' },
    };
    for (const namespace of NAMESPACES) expect(shared(bodies[namespace])).toEqual(expected);
  });

  it('v2 and v3 share dates, role, is_paying_customer and meta_data; only v2 has the order totals', () => {
    const v2 = bodies['wc/v2'];
    const v3 = bodies['wc/v3'];
    for (const key of [
      'date_created',
      'date_created_gmt',
      'date_modified',
      'date_modified_gmt',
      'role',
      'is_paying_customer',
      'meta_data',
    ]) {
      expect(v3[key]).toEqual(v2[key]);
    }
    expect(v2).toMatchObject({
      role: 'customer',
      is_paying_customer: false,
      meta_data: [],
      orders_count: 0,
      total_spent: '0.00',
    });
    expect(v3).not.toHaveProperty('orders_count');
    expect(v3).not.toHaveProperty('total_spent');
  });

  it('v1: UTC dates without _gmt twins, last_order and order totals, no role/is_paying_customer/meta_data', async () => {
    const v1 = bodies['wc/v1'];
    const row = await userRow(t, id);
    expect(v1.date_created).toBe(restDate(row!.user_registered));
    expect(v1.date_modified).toBe(bodies['wc/v2'].date_modified_gmt);
    expect(v1.last_order).toEqual({ id: null, date: null });
    expect(v1.orders_count).toBe(0);
    expect(v1.total_spent).toBe('0.00');
    for (const key of [
      'date_created_gmt',
      'date_modified_gmt',
      'role',
      'is_paying_customer',
      'meta_data',
      'password',
    ]) {
      expect(v1).not.toHaveProperty(key);
    }
  });

  it.each(NAMESPACES)('%s lists the customer with the same shape', async (namespace) => {
    const response = await get(namespace, `/customers?include=${id}`);
    expect(response.status).toBe(200);
    expect(response.headers['x-wp-total']).toBe('1');
    expect(response.body).toHaveLength(1);
    const { _links: links, ...item } = response.body[0];
    const { _links: singleLinks, ...single } = bodies[namespace];
    expect(item).toEqual(single);
    expect(keysOf(item)).toEqual(KEYS[namespace]);
    expect(links).toEqual(singleLinks);
  });

  it.each(NAMESPACES)('%s answers context=edit like context=view', async (namespace) => {
    const response = await get(namespace, `/customers/${id}?context=edit`);
    expect(response.body).toEqual(bodies[namespace]);
  });
});

describe('schemas (OPTIONS)', () => {
  it.each([
    ['wc/v1', 14],
    ['wc/v2', 18],
    ['wc/v3', 16],
  ] as const)('%s: %i properties, in WooCommerce order', async (namespace, count) => {
    const response = await options(namespace, '/customers');
    expect(response.status).toBe(200);
    expect(response.body.namespace).toBe(namespace);
    expect(response.body.schema.title).toBe('customer');
    const properties = response.body.schema.properties;
    expect(keysOf(properties)).toHaveLength(count);
    expect(keysOf(properties)).toEqual(SCHEMA_KEYS[namespace]);
    expect(response.body._links).toEqual({
      self: [{ href: expect.stringMatching(new RegExp(`/wp-json/${namespace}/customers$`)) }],
    });
  });

  it('only v3 has shipping.phone in its schema; billing has email and phone everywhere', async () => {
    for (const namespace of NAMESPACES) {
      const { properties } = (await options(namespace, '/customers')).body.schema;
      expect(keysOf(properties.billing.properties)).toEqual([...ADDRESS_KEYS, 'email', 'phone']);
      expect(keysOf(properties.shipping.properties)).toEqual(
        namespace === 'wc/v3' ? [...ADDRESS_KEYS, 'phone'] : ADDRESS_KEYS,
      );
    }
  });

  it('only v3 accepts shipping.phone as an update argument', async () => {
    for (const namespace of NAMESPACES) {
      const body = (await options(namespace, '/customers/1')).body;
      const update = body.endpoints.find((endpoint: { methods: string[] }) => endpoint.methods.includes('PUT'));
      expect(keysOf(update.args.shipping.properties).includes('phone')).toBe(namespace === 'wc/v3');
    }
  });

  it('v1 keeps its own wording: "as GMT" dates, "Address line 1." with a period, last_order', async () => {
    const v1 = (await options('wc/v1', '/customers')).body.schema.properties;
    expect(v1.date_created).toEqual({
      description: 'The date the customer was created, as GMT.',
      type: 'date-time',
      context: ['view', 'edit'],
      readonly: true,
    });
    expect(v1.date_modified.description).toBe('The date the customer was last modified, as GMT.');
    expect(v1.billing.properties.address_1.description).toBe('Address line 1.');
    expect(v1.shipping.properties.address_2.description).toBe('Address line 2.');
    expect(v1.last_order).toEqual({
      description: 'Last order data.',
      type: 'object',
      context: ['view', 'edit'],
      readonly: true,
      properties: {
        id: { description: 'Last order ID.', type: 'integer', context: ['view', 'edit'], readonly: true },
        date: {
          description: 'The date of the customer last order, as GMT.',
          type: 'date-time',
          context: ['view', 'edit'],
          readonly: true,
        },
      },
    });
    const v3 = (await options('wc/v3', '/customers')).body.schema.properties;
    expect(v3.date_created.description).toBe("The date the customer was created, in the site's timezone.");
    expect(v3.billing.properties.address_1.description).toBe('Address line 1');
  });

  it.each(NAMESPACES)('%s: the item and batch routes answer OPTIONS in their namespace', async (namespace) => {
    const item = await options(namespace, '/customers/1');
    expect(item.status).toBe(200);
    expect(item.body.namespace).toBe(namespace);
    expect(keysOf(item.body.schema.properties)).toEqual(SCHEMA_KEYS[namespace]);
    const batch = await options(namespace, '/customers/batch');
    expect(batch.status).toBe(200);
    expect(batch.body.namespace).toBe(namespace);
    expect(batch.body.schema.title).toBe('batch');
  });
});

describe('indexes', () => {
  it('/wp-json/ lists wc/v1, wc/v2 and wc/v3 in WooCommerce order, with every customers route', async () => {
    const response = await t.http.get('/wp-json/');
    expect(response.status).toBe(200);
    const namespaces: string[] = response.body.namespaces;
    expect(namespaces.filter((namespace) => namespace.startsWith('wc/'))).toEqual(['wc/v1', 'wc/v2', 'wc/v3']);
    for (const namespace of NAMESPACES) {
      for (const route of [
        `/${namespace}`,
        `/${namespace}/customers`,
        `/${namespace}/customers/(?P<id>[\\d]+)`,
        `/${namespace}/customers/batch`,
      ]) {
        expect(response.body.routes[route]).toMatchObject({ namespace });
      }
    }
  });

  it.each(NAMESPACES)('/wp-json/%s is its own namespace index', async (namespace) => {
    const response = await t.http.get(`/wp-json/${namespace}`);
    expect(response.status).toBe(200);
    expect(response.body.namespace).toBe(namespace);
    const routes = keysOf(response.body.routes);
    expect(routes).toEqual(
      expect.arrayContaining([
        `/${namespace}`,
        `/${namespace}/customers`,
        `/${namespace}/customers/(?P<id>[\\d]+)`,
        `/${namespace}/customers/batch`,
      ]),
    );
    expect(routes.every((route) => route === `/${namespace}` || route.startsWith(`/${namespace}/`))).toBe(true);
    expect(response.body.routes[`/${namespace}/customers`].methods).toEqual(['GET', 'POST']);
    expect(response.body._links.up).toEqual([{ href: expect.stringMatching(/\/wp-json\/$/) }]);
  });
});

describe('what each version writes', () => {
  it('shipping.phone: v3 writes it; v2 and v1 ignore it but still show it', async () => {
    const { id } = await createFixtureCustomer(t);
    const v2 = await put('wc/v2', `/customers/${id}`, { shipping: { phone: '222', city: 'Two' } });
    expect(v2.status).toBe(200);
    expect(v2.body.shipping).toMatchObject({ phone: '', city: 'Two' });
    const v1 = await put('wc/v1', `/customers/${id}`, { shipping: { phone: '111', city: 'One' } });
    expect(v1.status).toBe(200);
    expect(v1.body.shipping).toMatchObject({ phone: '', city: 'One' });
    expect(await metaValues(t, id, 'shipping_phone')).toEqual([]);

    const v3 = await put('wc/v3', `/customers/${id}`, { shipping: { phone: '333', city: 'Three' } });
    expect(v3.status).toBe(200);
    expect(v3.body.shipping).toMatchObject({ phone: '333', city: 'Three' });
    expect(await metaValues(t, id, 'shipping_phone')).toEqual(['333']);
    for (const namespace of NAMESPACES) {
      expect((await get(namespace, `/customers/${id}`)).body.shipping.phone).toBe('333');
    }
  });

  it('shipping.phone on create: v3 stores it, v2 does not', async () => {
    const v3 = await as(t.http.post(url('wc/v3', '/customers')), t.adminKey).send({
      email: 'phone.v3@example.com',
      password: 'secret-pass',
      shipping: { phone: '+47 555' },
    });
    expect(v3.status).toBe(201);
    expect(v3.body.shipping.phone).toBe('+47 555');
    const v2 = await as(t.http.post(url('wc/v2', '/customers')), t.adminKey).send({
      email: 'phone.v2@example.com',
      password: 'secret-pass',
      shipping: { phone: '+47 555' },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.shipping.phone).toBe('');
  });

  it('meta_data: v2 and v3 write it, v1 neither writes nor shows it', async () => {
    const { id } = await createFixtureCustomer(t);
    const v1 = await put('wc/v1', `/customers/${id}`, {
      first_name: 'Uno',
      meta_data: [{ key: 'from_v1', value: 'one' }],
    });
    expect(v1.status).toBe(200);
    expect(v1.body.first_name).toBe('Uno');
    expect(v1.body).not.toHaveProperty('meta_data');
    expect(await metaValues(t, id, 'from_v1')).toEqual([]);

    const v1Create = await as(t.http.post(url('wc/v1', '/customers')), t.adminKey).send({
      email: 'meta.v1@example.com',
      password: 'secret-pass',
      meta_data: [{ key: 'from_v1', value: 'one' }],
    });
    expect(v1Create.status).toBe(201);
    expect(await metaValues(t, v1Create.body.id, 'from_v1')).toEqual([]);

    for (const namespace of ['wc/v2', 'wc/v3'] as const) {
      const key = `from_${namespace.slice(3)}`;
      const response = await put(namespace, `/customers/${id}`, { meta_data: [{ key, value: namespace }] });
      expect(response.status).toBe(200);
      expect(response.body.meta_data).toEqual(
        expect.arrayContaining([{ id: expect.any(Number), key, value: namespace }]),
      );
      expect(await metaValues(t, id, key)).toEqual([namespace]);
    }
  });

  it('role is ignored on create under every namespace', async () => {
    for (const namespace of NAMESPACES) {
      const created = await as(t.http.post(url(namespace, '/customers')), t.adminKey).send({
        email: `role.${namespace.slice(3)}@example.com`,
        password: 'secret-pass',
        role: 'administrator',
      });
      expect(created.status).toBe(201);
      expect((await get('wc/v2', `/customers/${created.body.id}`)).body.role).toBe('customer');
    }
  });
});

describe('dates on a site that is not UTC', () => {
  afterEach(async () => {
    await t.host.options.update('timezone_string', '');
    await t.host.options.update('gmt_offset', 0);
  });

  it('manual offset −5:30: v2/v3 show site time and GMT, v1 shows date_created shifted the other way (WooCommerce quirk)', async () => {
    await t.host.options.update('timezone_string', '');
    await t.host.options.update('gmt_offset', '-5.5');
    const { id } = await createFixtureCustomer(t);
    const registered = restDate((await userRow(t, id))!.user_registered);
    const v1 = (await get('wc/v1', `/customers/${id}`)).body;
    const v2 = (await get('wc/v2', `/customers/${id}`)).body;
    const v3 = (await get('wc/v3', `/customers/${id}`)).body;

    expect(v2.date_created_gmt).toBe(registered);
    expect(v2.date_created).toBe(shift(registered, -5.5 * 3600));
    expect(v2.date_modified).toBe(shift(v2.date_modified_gmt, -5.5 * 3600));
    expect(v3.date_created).toBe(v2.date_created);
    expect(v3.date_created_gmt).toBe(v2.date_created_gmt);
    // user_registered (UTC) read as site time and converted to UTC: +5:30 instead of no change.
    expect(v1.date_created).toBe(shift(registered, 5.5 * 3600));
    // date_modified has no quirk: plain UTC.
    expect(v1.date_modified).toBe(v2.date_modified_gmt);
  });

  it('timezone_string Europe/Berlin: v1 date_created is the instant whose Berlin wall time is user_registered', async () => {
    await t.host.options.update('timezone_string', 'Europe/Berlin');
    await t.host.options.update('gmt_offset', '');
    const { id } = await createFixtureCustomer(t);
    const registered = restDate((await userRow(t, id))!.user_registered);
    const v1 = (await get('wc/v1', `/customers/${id}`)).body;
    const v2 = (await get('wc/v2', `/customers/${id}`)).body;

    expect(v2.date_created_gmt).toBe(registered);
    expect(v2.date_created).toBe(wallTime(registered, 'Europe/Berlin'));
    expect(v2.date_created).not.toBe(registered);
    expect(wallTime(v1.date_created, 'Europe/Berlin')).toBe(registered);
    expect(v1.date_created).not.toBe(registered);
    expect(v1.date_modified).toBe(v2.date_modified_gmt);
  });

  it('a UTC site: v1 date_created is user_registered as it is', async () => {
    const { id } = await createFixtureCustomer(t);
    const registered = restDate((await userRow(t, id))!.user_registered);
    expect((await get('wc/v1', `/customers/${id}`)).body.date_created).toBe(registered);
  });
});

describe('hooks fire the same way under every namespace', () => {
  const HOOK_NAMESPACE = 'test/versions';
  const FILTERS = [
    CUSTOMER_HOOKS.restCustomerQuery,
    CUSTOMER_HOOKS.restPrepareCustomer,
    CUSTOMER_HOOKS.restCustomerSchema,
    CUSTOMER_HOOKS.restBatchItemsLimit,
    CUSTOMER_HOOKS.restCustomerAllowedRoles,
    CUSTOMER_HOOKS.restCheckPermissions,
    CUSTOMER_HOOKS.newCustomerData,
    CUSTOMER_HOOKS.registrationErrors,
    CUSTOMER_HOOKS.updateCustomerArgs,
  ];
  const ACTIONS = [
    CUSTOMER_HOOKS.restInsertCustomer,
    CUSTOMER_HOOKS.restDeleteCustomer,
    CUSTOMER_HOOKS.beforeCustomerObjectSave,
    CUSTOMER_HOOKS.afterCustomerObjectSave,
    CUSTOMER_HOOKS.registerPost,
    CUSTOMER_HOOKS.createdCustomer,
    CUSTOMER_HOOKS.newCustomer,
    CUSTOMER_HOOKS.updateCustomer,
    CUSTOMER_HOOKS.deleteCustomer,
  ];
  /** Hook names in firing order, and for the REST hooks that get the request, the path they saw. */
  const log: string[] = [];
  const restPaths: Record<string, string[]> = {};
  const seenPath = (hook: string, request: unknown) => {
    if (request && typeof request === 'object' && 'path' in request)
      (restPaths[hook] ??= []).push(String(request.path));
  };

  beforeAll(() => {
    for (const hook of FILTERS) {
      t.host.hooks.untyped.addFilter(hook, HOOK_NAMESPACE, (value: unknown, ...args: unknown[]) => {
        log.push(hook);
        if (hook === CUSTOMER_HOOKS.restCustomerQuery) seenPath(hook, args[0]);
        if (hook === CUSTOMER_HOOKS.restPrepareCustomer) seenPath(hook, args[1]);
        return value;
      });
    }
    for (const hook of ACTIONS) {
      t.host.hooks.untyped.addAction(hook, HOOK_NAMESPACE, (...args: unknown[]) => {
        log.push(hook);
        if (hook === CUSTOMER_HOOKS.restInsertCustomer) seenPath(hook, args[1]);
        if (hook === CUSTOMER_HOOKS.restDeleteCustomer) seenPath(hook, args[2]);
      });
    }
    // A plugin's additions reach every namespace: a schema property and a response field.
    t.host.hooks.addFilter(CUSTOMER_HOOKS.restCustomerSchema, HOOK_NAMESPACE, (properties) => ({
      ...properties,
      tier: { description: 'Loyalty tier.', type: 'string', context: ['view', 'edit'], readonly: true },
    }));
    t.host.hooks.addFilter(CUSTOMER_HOOKS.restPrepareCustomer, HOOK_NAMESPACE, (response) => {
      response.data.tier = 'gold';
      return response;
    });
  });

  afterAll(() => {
    for (const hook of FILTERS) t.host.hooks.removeFilter(hook, HOOK_NAMESPACE);
    for (const hook of ACTIONS) t.host.hooks.removeAction(hook, HOOK_NAMESPACE);
  });

  /** The same list, create, update, batch update and delete under one namespace; returns the hooks fired by each. */
  async function runUnder(namespace: Namespace): Promise<Record<string, string[]>> {
    const suffix = namespace.slice(3);
    const fired: Record<string, string[]> = {};
    const step = async (name: string, work: () => Promise<{ status: number; body: any }>, status: number) => {
      const start = log.length;
      const response = await work();
      expect({ name, status: response.status }).toEqual({ name, status });
      fired[name] = log.slice(start);
      return response.body;
    };
    await step('list', () => get(namespace, '/customers?role=all'), 200);
    const created = await step(
      'create',
      () =>
        as(t.http.post(url(namespace, '/customers')), t.adminKey).send({
          email: `hooks.${suffix}@example.com`,
          first_name: 'Hook',
        }),
      201,
    );
    expect(created.tier).toBe('gold');
    await step('get', () => get(namespace, `/customers/${created.id}`), 200);
    await step('update', () => put(namespace, `/customers/${created.id}`, { last_name: 'Updated' }), 200);
    const batch = await step(
      'batch',
      () =>
        as(t.http.post(url(namespace, '/customers/batch')), t.adminKey).send({
          update: [{ id: created.id, first_name: 'Batched' }],
        }),
      200,
    );
    expect(batch.update[0]).toMatchObject({ id: created.id, first_name: 'Batched', tier: 'gold' });
    const deleted = await step(
      'delete',
      () => as(t.http.delete(url(namespace, `/customers/${created.id}?force=true`)), t.adminKey),
      200,
    );
    expect(deleted.tier).toBe('gold');
    const schema = await step('options', () => options(namespace, '/customers'), 200);
    expect(schema.schema.properties.tier).toMatchObject({ description: 'Loyalty tier.' });
    return fired;
  }

  it('the same hooks, in the same order, for the same requests; the REST hooks see each namespace', async () => {
    const fired = {} as Record<Namespace, Record<string, string[]>>;
    for (const namespace of NAMESPACES) fired[namespace] = await runUnder(namespace);

    expect(fired['wc/v1']).toEqual(fired['wc/v2']);
    expect(fired['wc/v3']).toEqual(fired['wc/v2']);
    const v2 = fired['wc/v2'];
    expect(v2.list).toEqual(
      expect.arrayContaining([CUSTOMER_HOOKS.restCustomerQuery, CUSTOMER_HOOKS.restPrepareCustomer]),
    );
    expect(v2.create).toEqual(
      expect.arrayContaining([
        CUSTOMER_HOOKS.registerPost,
        CUSTOMER_HOOKS.registrationErrors,
        CUSTOMER_HOOKS.newCustomerData,
        CUSTOMER_HOOKS.createdCustomer,
        CUSTOMER_HOOKS.newCustomer,
        CUSTOMER_HOOKS.restInsertCustomer,
        CUSTOMER_HOOKS.restPrepareCustomer,
      ]),
    );
    expect(v2.update).toEqual(
      expect.arrayContaining([CUSTOMER_HOOKS.updateCustomer, CUSTOMER_HOOKS.restInsertCustomer]),
    );
    expect(v2.batch).toEqual(
      expect.arrayContaining([CUSTOMER_HOOKS.restBatchItemsLimit, CUSTOMER_HOOKS.updateCustomer]),
    );
    expect(v2.delete).toEqual(
      expect.arrayContaining([CUSTOMER_HOOKS.deleteCustomer, CUSTOMER_HOOKS.restDeleteCustomer]),
    );
    expect(v2.options).toContain(CUSTOMER_HOOKS.restCustomerSchema);

    for (const hook of [
      CUSTOMER_HOOKS.restCustomerQuery,
      CUSTOMER_HOOKS.restPrepareCustomer,
      CUSTOMER_HOOKS.restInsertCustomer,
      CUSTOMER_HOOKS.restDeleteCustomer,
    ]) {
      const namespaces = new Set(restPaths[hook].map((path) => /^\/(wc\/v\d)\//.exec(path)?.[1]));
      expect({ hook, namespaces: [...namespaces] }).toEqual({ hook, namespaces: [...NAMESPACES] });
    }
  });
});
