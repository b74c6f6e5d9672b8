import { definePlugin } from '../src/host/definePlugin';
import { RestError } from '../src/rest/RestError';
import { RegistrationErrors } from '../plugins/customers/hooks';
import { createTestHost, type TestHost } from './helpers/testHost';
import { V2, as, createCustomer, expectError, makeUserWithRole, metaValues, userRow } from './helpers/customers';

/**
 * The customers hooks seen from a test plugin: each fires at its moment with WooCommerce's arguments, and each
 * filter's return value changes what the API does. Throwing a RestError from a callback refuses the request and
 * leaves the tables as they were.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => any;

const FILTERS = [
  'woocommerce_new_customer_username',
  'woocommerce_rest_prepare_customer',
  'woocommerce_rest_customer_query',
  'woocommerce_rest_batch_items_limit',
  'woocommerce_rest_customer_allowed_roles',
  'woocommerce_rest_check_permissions',
  'woocommerce_rest_customer_schema',
  'illegal_user_logins',
  'random_password',
  'woocommerce_new_customer_data',
  'woocommerce_registration_errors',
] as const;

const ACTIONS = [
  'woocommerce_rest_insert_customer',
  'woocommerce_rest_delete_customer',
  'woocommerce_created_customer',
  'woocommerce_new_customer',
  'woocommerce_update_customer',
  'woocommerce_delete_customer',
  'woocommerce_before_customer_object_save',
  'woocommerce_after_customer_object_save',
] as const;

interface Call {
  hook: string;
  args: unknown[];
  /** For a Customer argument: its id when the hook ran (the object is mutated later). */
  customerId?: number;
}

/** Every call the plugin saw, in order. */
const calls: Call[] = [];
/** Per-hook behaviour set by a test (cleared after each test). */
const overrides: Partial<Record<string, Fn>> = {};
/** Turns on the two priority-ordered username filters. */
let priorityProbe = false;

const plugin = definePlugin({
  name: 'test/hooks',
  register({ hooks }) {
    for (const name of FILTERS) {
      hooks.addFilter(name, 'test/hooks', async (value: unknown, ...args: unknown[]) => {
        calls.push({ hook: name, args: [value, ...args] });
        const override = overrides[name];
        return override ? override(value, ...args) : value;
      });
    }
    for (const name of ACTIONS) {
      hooks.addAction(name, 'test/hooks', async (...args: unknown[]) => {
        const customer = args.find((arg) => typeof (arg as { get?: unknown } | null)?.get === 'function') as { id?: unknown } | undefined;
        const customerId = customer ? Number(customer.id) : undefined;
        calls.push({ hook: name, args, customerId });
        const override = overrides[name];
        if (override) await override(...args);
      });
    }
    // Registered 20 first, then 5: priority, not registration order, decides.
    hooks.addFilter('woocommerce_new_customer_username', 'test/priority', (username: string) => (priorityProbe ? `${username}-p20` : username), 20);
    hooks.addFilter('woocommerce_new_customer_username', 'test/priority', (username: string) => (priorityProbe ? `${username}-p5` : username), 5);
  },
});

let t: TestHost;
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}x${process.pid}`;

const post = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers`), t.adminKey).send(body);
const get = (id: number) => as(t.http.get(`${V2}/customers/${id}`), t.adminKey);
const list = (query = '') => as(t.http.get(`${V2}/customers${query}`), t.adminKey);
const put = (id: number, body: Record<string, unknown>) => as(t.http.put(`${V2}/customers/${id}`), t.adminKey).send(body);
const del = (id: number) => as(t.http.delete(`${V2}/customers/${id}?force=true`), t.adminKey);

const callsOf = (hook: string) => calls.filter((call) => call.hook === hook);
const order = (hooks: readonly string[]) => calls.map((call) => call.hook).filter((hook) => hooks.includes(hook));

async function count(table: 'users' | 'usermeta'): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table(table)}`);
  return Number(row.n);
}

async function usersWithEmail(email: string): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table('users')} WHERE LOWER(user_email) = LOWER(?)`, [email]);
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestHost({ plugins: [plugin] });
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => {
  calls.length = 0;
});

afterEach(() => {
  for (const name of Object.keys(overrides)) delete overrides[name];
  priorityProbe = false;
});

describe('filters change behaviour', () => {
  it('woocommerce_new_customer_username changes a generated username', async () => {
    const local = unique('gen');
    overrides.woocommerce_new_customer_username = (username: string) => `acme-${username}`;
    const response = await post({ email: `${local}@example.com`, password: 'secret-pass' });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe(`acme-${local}`);
    const [call] = callsOf('woocommerce_new_customer_username');
    expect(call.args[0]).toBe(local);
    expect(call.args[1]).toBe(`${local}@example.com`);
    expect((await userRow(t, response.body.id))?.user_login).toBe(`acme-${local}`);
  });

  it('woocommerce_new_customer_username is not applied to an explicit username', async () => {
    overrides.woocommerce_new_customer_username = (username: string) => `acme-${username}`;
    const login = unique('explicit');
    const response = await post({ email: `${login}@example.com`, username: login, password: 'secret-pass' });
    expect(response.body.username).toBe(login);
    expect(callsOf('woocommerce_new_customer_username')).toHaveLength(0);
  });

  it('two callbacks on one filter run by priority: 5 before 20', async () => {
    priorityProbe = true;
    const local = unique('prio');
    const response = await post({ email: `${local}@example.com`, password: 'secret-pass' });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe(`${local}-p5-p20`);
  });

  it('woocommerce_rest_prepare_customer adds a field to get and to every list item', async () => {
    const customer = await createCustomer(t, { email: `${unique('tier')}@example.com`, password: 'secret-pass' });
    calls.length = 0;
    overrides.woocommerce_rest_prepare_customer = (response: { data: Record<string, unknown> }, user: { ID: number }) => {
      response.data.acme_tier = `tier-${user.ID}`;
      return response;
    };
    const one = await get(customer.id);
    expect(one.status).toBe(200);
    expect(one.body.acme_tier).toBe(`tier-${customer.id}`);
    const [call] = callsOf('woocommerce_rest_prepare_customer');
    expect((call.args[1] as { ID: number }).ID).toBe(customer.id);
    expect(call.args[2]).toBeDefined();

    const many = await list('?per_page=100');
    expect(many.status).toBe(200);
    expect(many.body.length).toBeGreaterThan(1);
    for (const item of many.body) expect(item.acme_tier).toBe(`tier-${item.id}`);

    delete overrides.woocommerce_rest_prepare_customer;
    expect((await get(customer.id)).body).not.toHaveProperty('acme_tier');
  });

  it('woocommerce_rest_customer_query narrows the list (include)', async () => {
    const a = await createCustomer(t, { email: `${unique('qa')}@example.com`, password: 'secret-pass' });
    await createCustomer(t, { email: `${unique('qb')}@example.com`, password: 'secret-pass' });
    overrides.woocommerce_rest_customer_query = (args: Record<string, unknown>) => ({ ...args, include: [a.id] });
    const response = await list('?per_page=100');
    expect(response.status).toBe(200);
    expect(response.body.map((c: { id: number }) => c.id)).toEqual([a.id]);
    expect(response.headers['x-wp-total']).toBe('1');
    const [call] = callsOf('woocommerce_rest_customer_query');
    expect(call.args[0]).toEqual(expect.objectContaining({ number: 100, offset: 0, role: 'customer' }));
  });

  it('woocommerce_rest_customer_query narrows the list (meta_query EXISTS)', async () => {
    const key = unique('vat_number_');
    const withVat = await createCustomer(t, { email: `${unique('vat')}@example.com`, password: 'secret-pass', meta_data: [{ key, value: 'GB123' }] });
    await createCustomer(t, { email: `${unique('novat')}@example.com`, password: 'secret-pass' });
    const before = await list('?per_page=100');
    expect(before.body.length).toBeGreaterThan(1);
    overrides.woocommerce_rest_customer_query = (args: Record<string, unknown>) => ({ ...args, meta_query: [{ key, compare: 'EXISTS' }] });
    const response = await list('?per_page=100');
    expect(response.body.map((c: { id: number }) => c.id)).toEqual([withVat.id]);
  });

  it('woocommerce_rest_batch_items_limit → 413 beyond the limit', async () => {
    overrides.woocommerce_rest_batch_items_limit = () => 2;
    const before = await count('users');
    const items = [1, 2, 3].map((i) => ({ email: `${unique(`batch${i}_`)}@example.com`, password: 'secret-pass' }));
    const response = await as(t.http.post(`${V2}/customers/batch`), t.adminKey).send({ create: items });
    expect(response.body).toEqual({
      code: 'woocommerce_rest_request_entity_too_large',
      message: 'Unable to accept more than 2 items for this request.',
      data: { status: 413 },
    });
    expect(response.status).toBe(413);
    expect(callsOf('woocommerce_rest_batch_items_limit')[0].args).toEqual([100, 'customers']);
    expect(await count('users')).toBe(before);

    const ok = await as(t.http.post(`${V2}/customers/batch`), t.adminKey).send({ create: items.slice(0, 2) });
    expect(ok.status).toBe(200);
    expect(ok.body.create.map((item: { id: number }) => typeof item.id)).toEqual(['number', 'number']);
  });

  it('woocommerce_rest_customer_allowed_roles adding shop_manager lets a shop manager be deleted', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const refused = await del(managerId);
    expectError(refused, 403, 'woocommerce_rest_cannot_delete', 'Sorry, users with shop_manager role cannot be deleted via this endpoint. Allowed roles: customer, subscriber');
    expect(callsOf('woocommerce_rest_customer_allowed_roles')[0].args).toEqual([['customer', 'subscriber']]);

    overrides.woocommerce_rest_customer_allowed_roles = (roles: string[]) => [...roles, 'shop_manager'];
    const response = await del(managerId);
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('shop_manager');
    expect(await userRow(t, managerId)).toBeUndefined();
  });

  it('woocommerce_rest_check_permissions returning false → 403 woocommerce_rest_cannot_view', async () => {
    const customer = await createCustomer(t, { email: `${unique('perm')}@example.com`, password: 'secret-pass' });
    calls.length = 0;
    overrides.woocommerce_rest_check_permissions = (allowed: boolean, context: string) => (context === 'read' ? false : allowed);
    const response = await get(customer.id);
    expect(response.body).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot view this resource.', data: { status: 403 } });
    expect(response.status).toBe(403);
    expect(callsOf('woocommerce_rest_check_permissions')[0].args).toEqual([true, 'read', customer.id, 'user']);
    expectError(await list(), 403, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');

    delete overrides.woocommerce_rest_check_permissions;
    expect((await get(customer.id)).status).toBe(200);
  });

  it('woocommerce_rest_customer_schema adds a property visible in OPTIONS', async () => {
    const tier = { description: 'Loyalty tier.', type: 'string', context: ['view', 'edit'], readonly: true };
    overrides.woocommerce_rest_customer_schema = (properties: Record<string, unknown>) => ({ ...properties, acme_tier: tier });
    const response = await as(t.http.options(`${V2}/customers`), t.adminKey);
    expect(response.status).toBe(200);
    expect(response.body.schema.properties.acme_tier).toEqual(tier);
    expect(response.body.schema.properties.email).toBeDefined();
    expect(callsOf('woocommerce_rest_customer_schema').length).toBeGreaterThan(0);

    delete overrides.woocommerce_rest_customer_schema;
    const without = await as(t.http.options(`${V2}/customers`), t.adminKey);
    expect(without.body.schema.properties).not.toHaveProperty('acme_tier');
  });

  it('illegal_user_logins: an illegal local part gives a woo_user_NNNN username', async () => {
    const local = unique('reserved');
    overrides.illegal_user_logins = (logins: string[]) => [...logins, local.toUpperCase()];
    const response = await post({ email: `${local}@example.com`, password: 'secret-pass' });
    expect(response.status).toBe(201);
    expect(response.body.username).toMatch(/^woo_user_\d{4}$/);
    expect(callsOf('illegal_user_logins')[0].args).toEqual([[]]);
  });

  it('illegal_user_logins: an explicit illegal username → 400 invalid_username, no row', async () => {
    const login = unique('forbidden');
    overrides.illegal_user_logins = (logins: string[]) => [...logins, login];
    const response = await post({ email: `${login}@example.com`, username: login, password: 'secret-pass' });
    expect(response.body).toEqual({ code: 'invalid_username', message: 'Sorry, that username is not allowed.', data: { status: 400 } });
    expect(response.status).toBe(400);
    expect(await usersWithEmail(`${login}@example.com`)).toBe(0);
  });

  it('random_password is called with (password, 12, true, false) when no password is given, and not otherwise', async () => {
    const response = await post({ email: `${unique('nopw')}@example.com` });
    expect(response.status).toBe(201);
    const random = callsOf('random_password');
    expect(random).toHaveLength(1);
    expect(random[0].args).toEqual([expect.any(String), 12, true, false]);
    expect(random[0].args[0]).toHaveLength(12);
    expect(await metaValues(t, response.body.id, 'default_password_nag')).toEqual(['1']);

    calls.length = 0;
    expect((await post({ email: `${unique('pw')}@example.com`, password: 'secret-pass' })).status).toBe(201);
    expect(callsOf('random_password')).toHaveLength(0);
  });

  it('woocommerce_new_customer_data changes the stored first name', async () => {
    overrides.woocommerce_new_customer_data = (data: Record<string, unknown>) => ({ ...data, first_name: 'Filtered' });
    const email = `${unique('data')}@example.com`;
    const response = await post({ email, password: 'secret-pass' });
    expect(response.status).toBe(201);
    expect(response.body.first_name).toBe('Filtered');
    expect(await metaValues(t, response.body.id, 'first_name')).toEqual(['Filtered']);
    const [call] = callsOf('woocommerce_new_customer_data');
    expect(call.args).toHaveLength(1);
    expect(call.args[0]).toEqual(
      expect.objectContaining({ user_email: email, user_pass: 'secret-pass', role: 'customer', first_name: '', last_name: '', source: 'unknown' }),
    );
  });

  it('woocommerce_registration_errors: an added error → 400 with its code and message, no user row', async () => {
    overrides.woocommerce_registration_errors = (errors: RegistrationErrors) => {
      errors.add('acme_domain', 'Only acme.example addresses may register.');
      return errors;
    };
    const login = unique('regerr');
    const email = `${login}@example.com`;
    const before = await count('users');
    const response = await post({ email, username: login, password: 'secret-pass' });
    expect(response.body).toEqual({ code: 'acme_domain', message: 'Only acme.example addresses may register.', data: { status: 400 } });
    expect(response.status).toBe(400);
    expect(await usersWithEmail(email)).toBe(0);
    expect(await count('users')).toBe(before);
    const [call] = callsOf('woocommerce_registration_errors');
    expect(call.args[0]).toBeInstanceOf(RegistrationErrors);
    expect(call.args.slice(1)).toEqual([login, email]);
  });
});

describe('actions fire at the right moment with the right arguments', () => {
  const LIFECYCLE = [
    'woocommerce_before_customer_object_save',
    'woocommerce_created_customer',
    'woocommerce_new_customer',
    'woocommerce_update_customer',
    'woocommerce_after_customer_object_save',
    'woocommerce_rest_insert_customer',
    'woocommerce_delete_customer',
    'woocommerce_rest_delete_customer',
  ];

  it('create: before_save → created_customer → new_customer → after_save → rest_insert_customer(creating true)', async () => {
    const login = unique('life');
    const email = `${login}@example.com`;
    const response = await post({ email, username: login, password: 'secret-pass', first_name: 'Life' });
    expect(response.status).toBe(201);
    const id: number = response.body.id;
    expect(order(LIFECYCLE)).toEqual([
      'woocommerce_before_customer_object_save',
      'woocommerce_created_customer',
      'woocommerce_new_customer',
      'woocommerce_after_customer_object_save',
      'woocommerce_rest_insert_customer',
    ]);

    const [before] = callsOf('woocommerce_before_customer_object_save');
    expect(before.customerId).toBe(0);
    expect(before.args[1]).toBe('customer');
    expect((before.args[0] as { get(prop: string): unknown }).get('email')).toBe(email);

    const [created] = callsOf('woocommerce_created_customer');
    expect(created.args[0]).toBe(id);
    expect(created.args[1]).toEqual(expect.objectContaining({ user_login: login, user_email: email, role: 'customer' }));
    expect(created.args[2]).toBe(false);

    const [newCustomer] = callsOf('woocommerce_new_customer');
    expect(newCustomer.args[0]).toBe(id);
    expect(newCustomer.customerId).toBe(id);

    const [after] = callsOf('woocommerce_after_customer_object_save');
    expect(after.customerId).toBe(id);
    expect(after.args[1]).toBe('customer');

    const [insert] = callsOf('woocommerce_rest_insert_customer');
    expect(insert.args).toHaveLength(3);
    expect(insert.args[0]).toEqual(expect.objectContaining({ ID: id, user_login: login, user_email: email, roles: ['customer'] }));
    expect((insert.args[1] as { method: string }).method).toBe('POST');
    expect(insert.args[2]).toBe(true);
  });

  it('create without password: woocommerce_created_customer gets passwordGenerated true', async () => {
    const response = await post({ email: `${unique('gen')}@example.com` });
    expect(response.status).toBe(201);
    const [created] = callsOf('woocommerce_created_customer');
    expect(created.args[0]).toBe(response.body.id);
    expect(created.args[2]).toBe(true);
  });

  it('update: before_save → update_customer → after_save → rest_insert_customer(creating false)', async () => {
    const customer = await createCustomer(t, { email: `${unique('upd')}@example.com`, password: 'secret-pass' });
    calls.length = 0;
    const response = await put(customer.id, { first_name: 'Updated' });
    expect(response.status).toBe(200);
    expect(order(LIFECYCLE)).toEqual([
      'woocommerce_before_customer_object_save',
      'woocommerce_update_customer',
      'woocommerce_after_customer_object_save',
      'woocommerce_rest_insert_customer',
    ]);
    expect(callsOf('woocommerce_before_customer_object_save')[0].customerId).toBe(customer.id);
    expect(callsOf('woocommerce_update_customer')[0].args[0]).toBe(customer.id);
    expect(callsOf('woocommerce_update_customer')[0].customerId).toBe(customer.id);
    const [insert] = callsOf('woocommerce_rest_insert_customer');
    expect(insert.args[0]).toEqual(expect.objectContaining({ ID: customer.id }));
    expect((insert.args[1] as { method: string }).method).toBe('PUT');
    expect(insert.args[2]).toBe(false);
    expect(callsOf('woocommerce_created_customer')).toHaveLength(0);
    expect(callsOf('woocommerce_new_customer')).toHaveLength(0);
  });

  it('delete: woocommerce_delete_customer(id) then woocommerce_rest_delete_customer(user, response, request)', async () => {
    const customer = await createCustomer(t, { email: `${unique('del')}@example.com`, password: 'secret-pass' });
    calls.length = 0;
    const response = await del(customer.id);
    expect(response.status).toBe(200);
    expect(order(LIFECYCLE)).toEqual(['woocommerce_delete_customer', 'woocommerce_rest_delete_customer']);
    expect(callsOf('woocommerce_delete_customer')[0].args).toEqual([customer.id]);
    const [restDelete] = callsOf('woocommerce_rest_delete_customer');
    expect(restDelete.args).toHaveLength(3);
    expect(restDelete.args[0]).toEqual(expect.objectContaining({ ID: customer.id, user_email: customer.email }));
    expect((restDelete.args[1] as { data: { id: number } }).data.id).toBe(customer.id);
    expect((restDelete.args[2] as { method: string }).method).toBe('DELETE');
    expect(await userRow(t, customer.id)).toBeUndefined();
  });

  it('a failed delete fires no delete action', async () => {
    const response = await del(1);
    expect(response.status).toBe(403);
    expect(callsOf('woocommerce_delete_customer')).toHaveLength(0);
    expect(callsOf('woocommerce_rest_delete_customer')).toHaveLength(0);
  });
});

describe('refusing by throwing RestError', () => {
  it('from woocommerce_before_customer_object_save: exactly that error, no new rows', async () => {
    overrides.woocommerce_before_customer_object_save = () => {
      throw new RestError('acme_refused', 'Refused.', 409);
    };
    const users = await count('users');
    const meta = await count('usermeta');
    const login = unique('refused');
    const response = await post({ email: `${login}@example.com`, username: login, password: 'secret-pass', meta_data: [{ key: 'x', value: 'y' }] });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ code: 'acme_refused', message: 'Refused.', data: { status: 409 } });
    expect(await count('users')).toBe(users);
    expect(await count('usermeta')).toBe(meta);
    expect(callsOf('woocommerce_created_customer')).toHaveLength(0);
    expect(callsOf('woocommerce_after_customer_object_save')).toHaveLength(0);
    expect(callsOf('woocommerce_rest_insert_customer')).toHaveLength(0);
  });

  it('from woocommerce_before_customer_object_save on update: nothing changes', async () => {
    const customer = await createCustomer(t, { email: `${unique('keep')}@example.com`, password: 'secret-pass', first_name: 'Kept' });
    overrides.woocommerce_before_customer_object_save = () => {
      throw new RestError('acme_refused', 'Refused.', 409);
    };
    const meta = await count('usermeta');
    const response = await put(customer.id, { first_name: 'Changed' });
    expect(response.body).toEqual({ code: 'acme_refused', message: 'Refused.', data: { status: 409 } });
    expect(response.status).toBe(409);
    expect(await metaValues(t, customer.id, 'first_name')).toEqual(['Kept']);
    expect(await count('usermeta')).toBe(meta);
  });

  it('from woocommerce_new_customer: same error, the create is rolled back', async () => {
    overrides.woocommerce_new_customer = () => {
      throw new RestError('acme_refused', 'Refused.', 409);
    };
    const users = await count('users');
    const meta = await count('usermeta');
    const login = unique('rollback');
    const email = `${login}@example.com`;
    const response = await post({ email, username: login, password: 'secret-pass', first_name: 'Gone', billing: { city: 'Paris' } });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ code: 'acme_refused', message: 'Refused.', data: { status: 409 } });
    // The hook did run after the user row was written (inside the transaction).
    expect(callsOf('woocommerce_created_customer')).toHaveLength(1);
    expect(await usersWithEmail(email)).toBe(0);
    expect(await count('users')).toBe(users);
    expect(await count('usermeta')).toBe(meta);
    expect(callsOf('woocommerce_after_customer_object_save')).toHaveLength(0);

    // Nothing was left half-held: the same address registers fine afterwards.
    delete overrides.woocommerce_new_customer;
    expect((await post({ email, username: login, password: 'secret-pass' })).status).toBe(201);
  });
});
