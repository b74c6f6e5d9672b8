import { createTestHost, type TestHost } from './helpers/testHost';
import { definePlugin } from '../src/host/definePlugin';
import { RestError } from '../src/rest/RestError';
import { RegistrationErrors, type NewCustomerData } from '../plugins/customers/hooks';
import type { RestResponse } from '../src/rest/RestResponse';
import type { WpUser } from '../plugins/customers/model/WpUser';
import type { Customer } from '../plugins/customers/model/Customer';

/** Every call the test plugin saw: [hook, ...arguments worth asserting]. */
const calls: Array<[string, ...unknown[]]> = [];
let t: TestHost;

const recorder = definePlugin({
  name: 'test/recorder',
  register({ hooks }) {
    const record = (name: string, pick: (...args: never[]) => unknown[] = () => []) =>
      hooks.addAction(name, 'test/recorder', (...args: never[]) => {
        calls.push([name, ...pick(...args)]);
      });
    record('woocommerce_before_customer_object_save', (customer: Customer) => [customer.id]);
    record('woocommerce_after_customer_object_save', (customer: Customer) => [customer.id]);
    record('woocommerce_created_customer', (id: number, data: NewCustomerData, generated: boolean) => [id, data.user_email, generated]);
    record('woocommerce_new_customer', (id: number) => [id]);
    record('woocommerce_update_customer', (id: number) => [id]);
    record('woocommerce_delete_customer', (id: number) => [id]);
    record('woocommerce_rest_insert_customer', (user: WpUser, _request: unknown, creating: boolean) => [user.ID, creating]);
    record('woocommerce_rest_delete_customer', (user: WpUser, response: RestResponse<Record<string, unknown>>) => [user.ID, response.data.email]);
    record('woocommerce_register_post', (username: string, email: string) => [username, email]);
  },
});

beforeAll(async () => {
  t = await createTestHost({ plugins: [recorder] });
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => {
  calls.length = 0;
});

afterEach(() => {
  for (const name of [
    'woocommerce_new_customer_username', 'woocommerce_rest_prepare_customer', 'woocommerce_rest_customer_query',
    'woocommerce_rest_batch_items_limit', 'woocommerce_rest_check_permissions', 'woocommerce_rest_customer_schema',
    'illegal_user_logins', 'random_password', 'woocommerce_new_customer_data', 'woocommerce_registration_errors',
    'woocommerce_rest_customer_allowed_roles', 'woocommerce_update_customer_args', 'woocommerce_generated_customer_username',
  ]) {
    t.host.hooks.removeAllFilters(name, 'test/case');
  }
  t.host.hooks.removeAllActions('woocommerce_before_customer_object_save', 'test/case');
  t.host.hooks.removeAllActions('woocommerce_new_customer', 'test/case');
});

const auth = () => [t.adminKey.consumerKey, t.adminKey.consumerSecret] as const;
const create = (body: Record<string, unknown>) => t.http.post('/wp-json/wc/v2/customers').auth(...auth()).send(body);
const count = async (table: string) => Number((await t.host.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t.host.db.table(table)}`))[0].n);

describe('customers hooks', () => {
  it('fires the create hooks in WooCommerce order with their arguments', async () => {
    const response = await create({ email: 'hooks.one@example.com' }).expect(201);
    const id = response.body.id;
    expect(calls).toEqual([
      ['woocommerce_before_customer_object_save', 0],
      ['woocommerce_register_post', 'hooks.one', 'hooks.one@example.com'],
      ['woocommerce_created_customer', id, 'hooks.one@example.com', true],
      ['woocommerce_new_customer', id],
      ['woocommerce_after_customer_object_save', id],
      ['woocommerce_rest_insert_customer', id, true],
    ]);
  });

  it('fires the update and delete hooks', async () => {
    const id = (await create({ email: 'hooks.two@example.com' }).expect(201)).body.id;
    calls.length = 0;
    await t.http.put(`/wp-json/wc/v2/customers/${id}`).auth(...auth()).send({ first_name: 'Two' }).expect(200);
    expect(calls).toEqual([
      ['woocommerce_before_customer_object_save', id],
      ['woocommerce_update_customer', id],
      ['woocommerce_after_customer_object_save', id],
      ['woocommerce_rest_insert_customer', id, false],
    ]);
    calls.length = 0;
    await t.http.delete(`/wp-json/wc/v2/customers/${id}?force=true`).auth(...auth()).expect(200);
    expect(calls).toEqual([
      ['woocommerce_delete_customer', id],
      ['woocommerce_rest_delete_customer', id, 'hooks.two@example.com'],
    ]);
  });

  it('lets filters change the generated username, password and inserted data, in priority order', async () => {
    const { hooks } = t.host;
    hooks.addFilter('woocommerce_new_customer_username', 'test/case', (username: string) => `${username}-b`, 20);
    hooks.addFilter('woocommerce_new_customer_username', 'test/case', (username: string) => `${username}-a`, 5);
    const passwords: unknown[][] = [];
    hooks.addFilter('random_password', 'test/case', (password: string, ...rest: unknown[]) => {
      passwords.push([password.length, ...rest]);
      return password;
    });
    hooks.addFilter('woocommerce_new_customer_data', 'test/case', (data: NewCustomerData) => ({ ...data, first_name: 'Filtered' }));
    const response = await create({ email: 'renamed@example.com' }).expect(201);
    expect(response.body.username).toBe('renamed-a-b');
    expect(passwords).toEqual([[12, 12, true, false]]);
    const rows = await t.host.db.query<{ meta_value: string }>(
      `SELECT meta_value FROM ${t.host.db.table('usermeta')} WHERE user_id = ? AND meta_key = 'first_name'`,
      [response.body.id],
    );
    expect(rows).toEqual([{ meta_value: 'Filtered' }]);
  });

  it('uses illegal_user_logins for generated and given usernames', async () => {
    t.host.hooks.addFilter('illegal_user_logins', 'test/case', () => ['forbidden']);
    const generated = await create({ email: 'forbidden@example.com' }).expect(201);
    expect(generated.body.username).toMatch(/^woo_user_\d{4}$/);
    const given = await create({ email: 'given@example.com', username: 'Forbidden' }).expect(400);
    expect(given.body).toEqual({ code: 'invalid_username', message: 'Sorry, that username is not allowed.', data: { status: 400 } });
  });

  it('refuses a registration with the code a woocommerce_registration_errors callback adds, writing nothing', async () => {
    t.host.hooks.addFilter('woocommerce_registration_errors', 'test/case', (errors: RegistrationErrors, _u: string, email: string) => {
      if (email.endsWith('@blocked.example')) errors.add('acme_blocked', 'Blocked domain.');
      return errors;
    });
    const users = await count('users');
    const response = await create({ email: 'someone@blocked.example' }).expect(400);
    expect(response.body).toEqual({ code: 'acme_blocked', message: 'Blocked domain.', data: { status: 400 } });
    expect(await count('users')).toBe(users);
  });

  it('answers a RestError thrown before the save as is and writes nothing', async () => {
    t.host.hooks.addAction('woocommerce_before_customer_object_save', 'test/case', () => {
      throw new RestError('acme_refused', 'Refused.', 409);
    });
    const [users, meta] = [await count('users'), await count('usermeta')];
    const response = await create({ email: 'refused@example.com' }).expect(409);
    expect(response.body).toEqual({ code: 'acme_refused', message: 'Refused.', data: { status: 409 } });
    expect([await count('users'), await count('usermeta')]).toEqual([users, meta]);
  });

  it('rolls the whole create back when a callback inside the transaction throws', async () => {
    t.host.hooks.addAction('woocommerce_new_customer', 'test/case', () => {
      throw new RestError('acme_crm_down', 'CRM unavailable.', 503);
    });
    const [users, meta] = [await count('users'), await count('usermeta')];
    const response = await create({ email: 'rolledback@example.com', billing: { city: 'Porto' } }).expect(503);
    expect(response.body.code).toBe('acme_crm_down');
    expect([await count('users'), await count('usermeta')]).toEqual([users, meta]);
  });

  it('lets REST filters change responses, queries, limits, permissions, roles and the schema', async () => {
    const { hooks } = t.host;
    const id = (await create({ email: 'rest.filters@example.com' }).expect(201)).body.id;
    hooks.addFilter('woocommerce_rest_prepare_customer', 'test/case', (response: RestResponse<Record<string, unknown>>) => {
      response.data.tier = 'gold';
      response.addLink('loyalty', 'https://loyalty.example/1');
      return response;
    });
    const one = await t.http.get(`/wp-json/wc/v2/customers/${id}`).auth(...auth()).expect(200);
    expect(one.body.tier).toBe('gold');
    expect(one.body._links.loyalty).toEqual([{ href: 'https://loyalty.example/1' }]);

    hooks.addFilter('woocommerce_rest_customer_query', 'test/case', (args: Record<string, unknown>) => ({ ...args, include: [id] }));
    const list = await t.http.get('/wp-json/wc/v2/customers').auth(...auth()).expect(200);
    expect(list.body.map((c: { id: number }) => c.id)).toEqual([id]);
    expect(list.headers['x-wp-total']).toBe('1');

    hooks.addFilter('woocommerce_rest_batch_items_limit', 'test/case', () => 2);
    const batch = await t.http.post('/wp-json/wc/v2/customers/batch').auth(...auth()).send({ delete: [1001, 1002, 1003] }).expect(413);
    expect(batch.body.message).toBe('Unable to accept more than 2 items for this request.');

    hooks.addFilter('woocommerce_rest_customer_schema', 'test/case', (properties: Record<string, unknown>) => ({
      ...properties,
      tier: { description: 'Loyalty tier.', type: 'string', context: ['view', 'edit'], readonly: true },
    }));
    const options = await t.http.options('/wp-json/wc/v2/customers').expect(200);
    expect(options.body.schema.properties.tier).toEqual({ description: 'Loyalty tier.', type: 'string', context: ['view', 'edit'], readonly: true });

    hooks.addFilter('woocommerce_rest_check_permissions', 'test/case', (allowed: boolean, context: string) => (context === 'read' ? false : allowed));
    const denied = await t.http.get('/wp-json/wc/v2/customers').auth(...auth()).expect(403);
    expect(denied.body.code).toBe('woocommerce_rest_cannot_view');
  });

  it('lets woocommerce_rest_customer_allowed_roles open deletion to another role', async () => {
    const id = (await create({ email: 'manager@example.com' }).expect(201)).body.id;
    await t.host.db.execute(`UPDATE ${t.host.db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
      'a:1:{s:12:"shop_manager";b:1;}',
      id,
      `${t.host.db.prefix}capabilities`,
    ]);
    const refused = await t.http.delete(`/wp-json/wc/v2/customers/${id}?force=true`).auth(...auth()).expect(403);
    expect(refused.body.message).toBe('Sorry, users with shop_manager role cannot be deleted via this endpoint. Allowed roles: customer, subscriber');
    t.host.hooks.addFilter('woocommerce_rest_customer_allowed_roles', 'test/case', (roles: string[]) => [...roles, 'shop_manager']);
    await t.http.delete(`/wp-json/wc/v2/customers/${id}?force=true`).auth(...auth()).expect(200);
  });

  it('lets woocommerce_update_customer_args change what wp_update_user writes', async () => {
    t.host.hooks.addFilter('woocommerce_update_customer_args', 'test/case', (args: Record<string, unknown>) => ({ ...args, display_name: 'Shown Name' }));
    const id = (await create({ email: 'display@example.com' }).expect(201)).body.id;
    const rows = await t.host.db.query<{ display_name: string }>(`SELECT display_name FROM ${t.host.db.table('users')} WHERE ID = ?`, [id]);
    expect(rows).toEqual([{ display_name: 'Shown Name' }]);
  });
});
