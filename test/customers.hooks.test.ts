import { createTestHost, type TestHost } from './helpers/testHost';
import { insertDownloadableProduct, insertDownloadPermission, insertPost } from './helpers/downloadFixtures';
import { V2, as, createFixtureCustomer, expectError, makeUserWithRole, metaValues, userRow } from './helpers/customers';
import { definePlugin } from '../src/host/definePlugin';
import { RestError } from '../src/rest/RestError';
import { RestRequest } from '../src/rest/RestRequest';
import { RestResponse } from '../src/rest/RestResponse';
import { checkPassword } from '../src/wp/password';
import {
  CUSTOMER_HOOKS,
  RegistrationErrors,
  type CustomerHookName,
  type NewCustomerData,
} from '../plugins/customers/hooks';
import { Customer } from '../plugins/customers/model/Customer';
import type { WpUser } from '../plugins/customers/model/WpUser';

/**
 * Every hook of CUSTOMER_HOOKS, seen from a test plugin registered through createTestHost({ plugins }): when it fires,
 * with which arguments, and what its callbacks' results and errors do to the API and to the tables.
 */

/** How each hook is fired; typed over CustomerHookName so a hook added to CUSTOMER_HOOKS must be listed here. */
const HOOK_KINDS: Record<CustomerHookName, 'filter' | 'action'> = {
  woocommerce_rest_customer_query: 'filter',
  woocommerce_rest_prepare_customer: 'filter',
  woocommerce_rest_insert_customer: 'action',
  woocommerce_rest_delete_customer: 'action',
  woocommerce_rest_customer_schema: 'filter',
  woocommerce_rest_batch_items_limit: 'filter',
  woocommerce_rest_customer_allowed_roles: 'filter',
  woocommerce_rest_check_permissions: 'filter',
  woocommerce_before_customer_object_save: 'action',
  woocommerce_after_customer_object_save: 'action',
  woocommerce_new_customer_data: 'filter',
  woocommerce_register_post: 'action',
  woocommerce_registration_errors: 'filter',
  woocommerce_created_customer: 'action',
  woocommerce_new_customer: 'action',
  woocommerce_update_customer: 'action',
  woocommerce_delete_customer: 'action',
  woocommerce_update_customer_args: 'filter',
  woocommerce_new_customer_username: 'filter',
  woocommerce_generated_customer_username: 'filter',
  illegal_user_logins: 'filter',
  random_password: 'filter',
  woocommerce_shop_manager_editable_roles: 'filter',
  delete_user: 'action',
  deleted_user: 'action',
  user_register: 'action',
  profile_update: 'action',
  wc_order_statuses: 'filter',
  woocommerce_order_is_paid_statuses: 'filter',
  woocommerce_permission_list: 'filter',
  woocommerce_order_is_download_permitted: 'filter',
  woocommerce_downloadable_product_name: 'filter',
  woocommerce_customer_available_downloads: 'filter',
  woocommerce_rest_prepare_customer_download: 'filter',
};

type Callback = (...args: any[]) => unknown;

interface Call {
  hook: CustomerHookName;
  args: unknown[];
  /** A Customer argument's id and email when the hook ran (the object changes afterwards). */
  customer?: { id: number; email: string };
}

const calls: Call[] = [];
/** Every hook seen during the whole file. */
const seen = new Set<CustomerHookName>();
/** What a test wants the plugin's callback (priority 10) to do on a hook; cleared after each test. */
const behaviour: Partial<Record<CustomerHookName, Callback>> = {};

const recorder = definePlugin({
  name: 'test/recorder',
  register(host) {
    // One callback over every hook, whatever its types: the registry's untyped view.
    const hooks = host.hooks.untyped;
    for (const [hook, kind] of Object.entries(HOOK_KINDS) as Array<[CustomerHookName, 'filter' | 'action']>) {
      const record = (args: unknown[]) => {
        const customer = args.find((arg): arg is Customer => arg instanceof Customer);
        calls.push({
          hook,
          args,
          ...(customer ? { customer: { id: customer.id, email: customer.get('email') } } : {}),
        });
        seen.add(hook);
      };
      if (kind === 'filter') {
        hooks.addFilter(hook, 'test/recorder', async (value: unknown, ...args: unknown[]) => {
          record([value, ...args]);
          const change = behaviour[hook];
          return change ? change(value, ...args) : value;
        });
      } else {
        hooks.addAction(hook, 'test/recorder', async (...args: unknown[]) => {
          record(args);
          await behaviour[hook]?.(...args);
        });
      }
    }
  },
});

let t: TestHost;

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
  for (const hook of Object.keys(behaviour) as CustomerHookName[]) delete behaviour[hook];
  for (const hook of Object.keys(HOOK_KINDS)) {
    t.host.hooks.untyped.removeAllFilters(hook, 'test/case');
    t.host.hooks.untyped.removeAllActions(hook, 'test/case');
  }
});

const post = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers`), t.adminKey).send(body);
const put = (id: number, body: Record<string, unknown>) =>
  as(t.http.put(`${V2}/customers/${id}`), t.adminKey).send(body);
const get = (path: string) => as(t.http.get(`${V2}${path}`), t.adminKey);
const del = (id: number) => as(t.http.delete(`${V2}/customers/${id}?force=true`), t.adminKey);

/** Filters that run whenever a schema is needed or customers are prepared, whatever the operation. */
const UBIQUITOUS: readonly CustomerHookName[] = [
  CUSTOMER_HOOKS.restCustomerSchema,
  CUSTOMER_HOOKS.orderStatuses,
  CUSTOMER_HOOKS.orderIsPaidStatuses,
];
/** The hooks that ran, in order — without the ubiquitous filters. */
const sequence = () => calls.map((call) => call.hook).filter((hook) => !UBIQUITOUS.includes(hook));
const callsOf = (hook: CustomerHookName) => calls.filter((call) => call.hook === hook);
const argsOf = (hook: CustomerHookName, index = 0) => {
  const call = callsOf(hook)[index];
  if (!call) throw new Error(`${hook} did not fire (call ${index})`);
  return call.args;
};

async function tableCounts(): Promise<{ users: number; usermeta: number }> {
  const { db } = t.host;
  const count = async (table: string) =>
    Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${db.table(table)}`))[0].n);
  return { users: await count('users'), usermeta: await count('usermeta') };
}

/** A usermeta value read from inside a hook (statements made there join the save's transaction). */
async function storedMeta(userId: number, key: string): Promise<string[]> {
  const rows = await t.host.db.query<{ meta_value: string }>(
    `SELECT meta_value FROM ${t.host.db.table('usermeta')} WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id`,
    [userId, key],
  );
  return rows.map((row) => row.meta_value);
}

const wpUserShape = (user: { id: number; login: string; email: string }) =>
  expect.objectContaining({
    ID: user.id,
    user_login: user.login,
    user_email: user.email,
    roles: ['customer'],
    meta: expect.any(Array),
  });

describe('a create fires the hooks of WC_REST_Customers_Controller, WC_Customer and wc_create_new_customer in order', () => {
  it('with their arguments, each at its moment', async () => {
    const email = 'anna.lee@example.com';
    const moments: Record<string, unknown> = {};
    behaviour.woocommerce_before_customer_object_save = async () => {
      moments.usersWithEmailBeforeSave = (
        await t.host.db.query(`SELECT ID FROM ${t.host.db.table('users')} WHERE user_email = ?`, [email])
      ).length;
    };
    behaviour.user_register = async (id: number) => {
      moments.atUserRegister = {
        caps: await storedMeta(id, 'wp_capabilities'),
        city: await storedMeta(id, 'billing_city'),
      };
    };
    behaviour.woocommerce_new_customer = async (id: number) => {
      moments.atNewCustomer = {
        city: await storedMeta(id, 'billing_city'),
        lastUpdate: (await storedMeta(id, 'last_update')).length,
      };
    };
    const response = await post({ email, first_name: 'Anna', billing: { city: 'Porto' } }).expect(201);
    const id: number = response.body.id;

    expect(sequence()).toEqual([
      'woocommerce_rest_check_permissions',
      'woocommerce_before_customer_object_save',
      // Generated before the write transaction, so its hash is computed outside the users lock (WooCommerce
      // generates it after the username checks; see the report).
      'random_password',
      'illegal_user_logins',
      'woocommerce_new_customer_username',
      'woocommerce_register_post',
      'woocommerce_registration_errors',
      'woocommerce_new_customer_data',
      'illegal_user_logins',
      'user_register',
      'woocommerce_created_customer',
      'woocommerce_update_customer_args',
      'profile_update',
      'woocommerce_new_customer',
      'woocommerce_after_customer_object_save',
      'woocommerce_rest_insert_customer',
      'woocommerce_rest_prepare_customer',
      // The Allow header: WordPress runs the permission callback of every endpoint of the route.
      'woocommerce_rest_check_permissions',
      'woocommerce_rest_check_permissions',
    ]);
    expect(callsOf('woocommerce_rest_check_permissions').map((call) => call.args)).toEqual([
      [true, 'create', 0, 'user'],
      [true, 'read', 0, 'user'],
      [true, 'create', 0, 'user'],
    ]);
    expect(moments).toEqual({
      usersWithEmailBeforeSave: 0,
      atUserRegister: { caps: ['a:1:{s:8:"customer";b:1;}'], city: [] },
      atNewCustomer: { city: ['Porto'], lastUpdate: 1 },
    });

    const [before] = callsOf('woocommerce_before_customer_object_save');
    expect(before.args).toEqual([expect.any(Customer), 'customer']);
    expect(before.customer).toEqual({ id: 0, email });

    const [password, length, special, extraSpecial] = argsOf('random_password');
    expect({ length, special, extraSpecial }).toEqual({ length: 12, special: true, extraSpecial: false });
    expect(password).toMatch(/^[A-Za-z0-9!@#$%^&*()]{12}$/);

    expect(argsOf('illegal_user_logins')).toEqual([[]]);
    expect(argsOf('woocommerce_new_customer_username')).toEqual(['anna.lee', email, {}, '']);
    const [registerUsername, registerEmail, errors] = argsOf('woocommerce_register_post');
    expect([registerUsername, registerEmail]).toEqual(['anna.lee', email]);
    expect(errors).toBeInstanceOf(RegistrationErrors);
    expect(argsOf('woocommerce_registration_errors')).toEqual([errors, 'anna.lee', email]);
    expect((errors as RegistrationErrors).hasErrors()).toBe(false);

    const newCustomerData = {
      user_login: 'anna.lee',
      user_pass: password,
      user_email: email,
      role: 'customer',
      first_name: '',
      last_name: '',
      source: 'unknown',
    };
    expect(argsOf('woocommerce_new_customer_data')).toEqual([newCustomerData]);
    const [registeredId, userData] = argsOf('user_register');
    expect(registeredId).toBe(id);
    expect(userData).toMatchObject({ user_login: 'anna.lee', user_email: email, role: 'customer' });
    expect(argsOf('woocommerce_created_customer')).toEqual([id, newCustomerData, true]);

    const [updateArgs, updateCustomer] = argsOf('woocommerce_update_customer_args');
    expect(updateArgs).toEqual({ ID: id, role: 'customer', display_name: '' });
    expect(updateCustomer).toBeInstanceOf(Customer);
    const [profileId, oldUser, profileArgs] = argsOf('profile_update');
    expect(profileId).toBe(id);
    expect(oldUser).toEqual(wpUserShape({ id, login: 'anna.lee', email }));
    expect(profileArgs).toEqual(updateArgs);

    const [newCustomer] = callsOf('woocommerce_new_customer');
    expect(newCustomer.args).toEqual([id, expect.any(Customer)]);
    expect(newCustomer.customer).toEqual({ id, email });
    const [after] = callsOf('woocommerce_after_customer_object_save');
    expect(after.args).toEqual([expect.any(Customer), 'customer']);
    expect(after.customer).toEqual({ id, email });

    const [insertedUser, insertRequest, creating] = argsOf('woocommerce_rest_insert_customer');
    expect(insertedUser).toEqual(wpUserShape({ id, login: 'anna.lee', email }));
    expect(insertRequest).toBeInstanceOf(RestRequest);
    expect((insertRequest as RestRequest).method).toBe('POST');
    expect((insertRequest as RestRequest).param('email')).toBe(email);
    expect(creating).toBe(true);

    const [prepared, preparedUser, preparedRequest] = argsOf('woocommerce_rest_prepare_customer');
    expect(prepared).toBeInstanceOf(RestResponse);
    expect((prepared as RestResponse<Record<string, unknown>>).data).toMatchObject({
      id,
      email,
      first_name: 'Anna',
      username: 'anna.lee',
    });
    expect(preparedUser).toEqual(wpUserShape({ id, login: 'anna.lee', email }));
    expect(preparedRequest).toBe(insertRequest);
  });

  it('a given password: no random_password, and woocommerce_created_customer says it was not generated', async () => {
    const response = await post({
      email: 'given.pw@example.com',
      username: 'given.pw',
      password: 'Given-Secret-1',
    }).expect(201);
    expect(callsOf('random_password')).toEqual([]);
    // The username was given: nothing generates one.
    expect(callsOf('woocommerce_new_customer_username')).toEqual([]);
    expect(argsOf('woocommerce_created_customer')).toEqual([
      response.body.id,
      expect.objectContaining({ user_pass: 'Given-Secret-1' }),
      false,
    ]);
  });
});

describe('updates, deletes and lists fire their hooks', () => {
  it('update: permission and allowed roles, before-save, wp_update_user args, profile_update (twice with a password), update, after-save, insert, prepare', async () => {
    const customer = await createFixtureCustomer(t);
    const id: number = customer.id;
    calls.length = 0;
    const response = await put(id, { last_name: 'Lee', password: 'Changed-Secret-2' }).expect(200);
    expect(response.body.last_name).toBe('Lee');
    expect(sequence().slice(0, 11)).toEqual([
      'woocommerce_rest_check_permissions',
      'woocommerce_rest_customer_allowed_roles',
      'woocommerce_before_customer_object_save',
      'woocommerce_update_customer_args',
      'profile_update',
      // WooCommerce sets a new password with a second wp_update_user call.
      'profile_update',
      'woocommerce_update_customer',
      'woocommerce_after_customer_object_save',
      'woocommerce_rest_insert_customer',
      'woocommerce_rest_prepare_customer',
      'woocommerce_rest_check_permissions',
    ]);
    expect(argsOf('woocommerce_rest_check_permissions')).toEqual([true, 'edit', id, 'user']);
    expect(argsOf('woocommerce_rest_customer_allowed_roles')).toEqual([['customer', 'subscriber']]);
    expect(argsOf('woocommerce_update_customer_args')).toEqual([
      { ID: id, user_email: customer.email, display_name: customer.username },
      expect.any(Customer),
    ]);
    const passwordHash = (await userRow(t, id))!.user_pass;
    expect(argsOf('profile_update', 1)).toEqual([
      id,
      expect.objectContaining({ ID: id }),
      { ID: id, user_pass: passwordHash },
    ]);
    expect(await checkPassword('Changed-Secret-2', passwordHash)).toBe(true);
    const [updated] = callsOf('woocommerce_update_customer');
    expect(updated.args).toEqual([id, expect.any(Customer)]);
    expect(updated.customer).toEqual({ id, email: customer.email });
    expect(argsOf('woocommerce_rest_insert_customer')).toEqual([
      wpUserShape({ id, login: customer.username, email: customer.email }),
      expect.any(RestRequest),
      false,
    ]);
  });

  it('delete: delete_user with the rows still there, deleted_user after they went, then the WooCommerce actions', async () => {
    const customer = await createFixtureCustomer(t);
    const id: number = customer.id;
    const rowsAt: Record<string, number> = {};
    const countRows = async () =>
      (await storedMeta(id, 'wp_capabilities')).length +
      (await t.host.db.query(`SELECT ID FROM ${t.host.db.table('users')} WHERE ID = ?`, [id])).length;
    behaviour.delete_user = async () => {
      rowsAt.deleteUser = await countRows();
    };
    behaviour.deleted_user = async () => {
      rowsAt.deletedUser = await countRows();
    };
    calls.length = 0;
    await del(id).expect(200);
    expect(sequence().slice(0, 7)).toEqual([
      'woocommerce_rest_check_permissions',
      'woocommerce_rest_customer_allowed_roles',
      'woocommerce_rest_prepare_customer',
      'delete_user',
      'deleted_user',
      'woocommerce_delete_customer',
      'woocommerce_rest_delete_customer',
    ]);
    expect(rowsAt).toEqual({ deleteUser: 2, deletedUser: 0 });
    expect(argsOf('woocommerce_rest_check_permissions')).toEqual([true, 'delete', id, 'user']);
    const user = wpUserShape({ id, login: customer.username, email: customer.email });
    // WC_Customer_Data_Store::delete passes reassign 0 when none was asked for.
    expect(argsOf('delete_user')).toEqual([id, 0, user]);
    expect(argsOf('deleted_user')).toEqual([id, 0, user]);
    expect(argsOf('woocommerce_delete_customer')).toEqual([id]);
    const [deletedUser, response, request] = argsOf('woocommerce_rest_delete_customer');
    expect(deletedUser).toEqual(user);
    expect(response).toBeInstanceOf(RestResponse);
    expect((response as RestResponse<Record<string, unknown>>).data).toMatchObject({ id, email: customer.email });
    expect((request as RestRequest).method).toBe('DELETE');
  });

  it('list: the permission check, then woocommerce_rest_customer_query with WP_User_Query arguments, then one prepare per customer', async () => {
    await get('/customers?search=nobody-matches-this').expect(200);
    calls.length = 0;
    const response = await get('/customers?per_page=3&page=2&order=desc&orderby=registered_date').expect(200);
    expect(argsOf('woocommerce_rest_check_permissions')).toEqual([true, 'read', 0, 'user']);
    const [args, request] = argsOf('woocommerce_rest_customer_query');
    expect(args).toEqual({
      exclude: [],
      include: [],
      order: 'desc',
      number: 3,
      offset: 3,
      orderby: 'registered',
      search: '',
      role: 'customer',
    });
    expect(request).toBeInstanceOf(RestRequest);
    expect(callsOf('woocommerce_rest_prepare_customer')).toHaveLength(response.body.length);
  });
});

describe('filters change what the API does', () => {
  it('woocommerce_new_customer_username: its result is the username; callbacks run by priority, then in the order added', async () => {
    const { hooks } = t.host;
    hooks.addFilter('woocommerce_new_customer_username', 'test/case', (username: string) => `${username}.late`, 20);
    hooks.addFilter('woocommerce_new_customer_username', 'test/case', (username: string) => `${username}.early`, 5);
    hooks.addFilter('woocommerce_new_customer_username', 'test/case', (username: string) => `${username}.second`, 10);
    behaviour.woocommerce_new_customer_username = (username: string) => `${username}.first`;
    const response = await post({ email: 'priority@example.com' }).expect(201);
    // The recorder plugin was added first at priority 10, this test's priority-10 callback after it.
    expect(response.body.username).toBe('priority.early.first.second.late');
    expect((await userRow(t, response.body.id))!.user_login).toBe('priority.early.first.second.late');
  });

  it('actions run by priority too', async () => {
    const order: string[] = [];
    t.host.hooks.addAction('woocommerce_new_customer', 'test/case', () => order.push('99'), 99);
    t.host.hooks.addAction('woocommerce_new_customer', 'test/case', () => order.push('1'), 1);
    behaviour.woocommerce_new_customer = () => order.push('10');
    await post({ email: 'action.priority@example.com' }).expect(201);
    expect(order).toEqual(['1', '10', '99']);
  });

  it('woocommerce_rest_prepare_customer changes data and links of every customer sent: get, list, create, update, delete, batch', async () => {
    behaviour.woocommerce_rest_prepare_customer = (response: RestResponse<Record<string, unknown>>, user: WpUser) => {
      response.data.tier = user.user_login.startsWith('vip') ? 'gold' : 'standard';
      delete response.data.avatar_url;
      response.addLink('loyalty', `https://loyalty.example/users/${user.ID}`);
      return response;
    };
    const created = await post({ email: 'vip.one@example.com' }).expect(201);
    const id: number = created.body.id;
    const loyalty = [{ href: `https://loyalty.example/users/${id}` }];
    for (const body of [
      created.body,
      (await get(`/customers/${id}`).expect(200)).body,
      (await get(`/customers?include=${id}`).expect(200)).body[0],
      (await put(id, { first_name: 'Vip' }).expect(200)).body,
      (
        await as(t.http.post(`${V2}/customers/batch`), t.adminKey)
          .send({ update: [{ id, last_name: 'One' }] })
          .expect(200)
      ).body.update[0],
      (await del(id).expect(200)).body,
    ]) {
      expect(body).toMatchObject({ id, tier: 'gold' });
      expect(body).not.toHaveProperty('avatar_url');
      expect(body._links.loyalty).toEqual(loyalty);
    }
  });

  it('woocommerce_rest_customer_query: a meta_query or another role changes the list and its total', async () => {
    const withVat = await createFixtureCustomer(t, { meta_data: [{ key: 'vat_number', value: 'PT123456789' }] });
    const subscriber = await makeUserWithRole(t, 'subscriber');
    behaviour.woocommerce_rest_customer_query = (args: Record<string, unknown>) => ({
      ...args,
      meta_query: [{ key: 'vat_number', compare: 'EXISTS' }],
    });
    const vatOnly = await get('/customers').expect(200);
    expect(vatOnly.body.map((customer: { id: number }) => customer.id)).toEqual([withVat.id]);
    expect(vatOnly.headers['x-wp-total']).toBe('1');

    behaviour.woocommerce_rest_customer_query = (args: Record<string, unknown>) => ({ ...args, role: 'subscriber' });
    const subscribers = await get('/customers').expect(200);
    expect(subscribers.body.map((customer: { id: number }) => customer.id)).toEqual([subscriber]);
    expect(subscribers.body[0].role).toBe('subscriber');
  });

  it('woocommerce_rest_batch_items_limit: (100, "customers"); more items than the filtered limit → 413', async () => {
    behaviour.woocommerce_rest_batch_items_limit = () => 2;
    const batch = (body: Record<string, unknown>) => as(t.http.post(`${V2}/customers/batch`), t.adminKey).send(body);
    const tooMany = await batch({ create: [{ email: 'batch.a@example.com' }], delete: [999001, 999002] });
    expectError(
      tooMany,
      413,
      'woocommerce_rest_request_entity_too_large',
      'Unable to accept more than 2 items for this request.',
    );
    expect(argsOf('woocommerce_rest_batch_items_limit')).toEqual([100, 'customers']);
    expect(callsOf('woocommerce_before_customer_object_save')).toEqual([]);
    const atLimit = await batch({ delete: [999001, 999002] }).expect(200);
    expect(atLimit.body.delete.map((item: { id: number }) => item.id)).toEqual([999001, 999002]);
  });

  it('woocommerce_rest_customer_allowed_roles: adding shop_manager lets the API delete a shop manager', async () => {
    const manager = await makeUserWithRole(t, 'shop_manager', 9);
    const refused = await del(manager);
    expectError(
      refused,
      403,
      'woocommerce_rest_cannot_delete',
      'Sorry, users with shop_manager role cannot be deleted via this endpoint. Allowed roles: customer, subscriber',
    );
    expect(await userRow(t, manager)).toBeDefined();
    behaviour.woocommerce_rest_customer_allowed_roles = (roles: string[]) => [...roles, 'shop_manager'];
    const deleted = await del(manager).expect(200);
    expect(deleted.body).toMatchObject({ id: manager, role: 'shop_manager' });
    expect(await userRow(t, manager)).toBeUndefined();
  });

  it('woocommerce_shop_manager_editable_roles: a shop manager may edit subscribers once the filter lists them', async () => {
    const manager = await makeUserWithRole(t, 'shop_manager', 9);
    const managerKey = await t.createKey(manager);
    const subscriber = await makeUserWithRole(t, 'subscriber');
    const edit = () => as(t.http.put(`${V2}/customers/${subscriber}`), managerKey).send({ first_name: 'Sub' });
    expectError(await edit(), 403, 'woocommerce_rest_cannot_edit');
    expect(argsOf('woocommerce_shop_manager_editable_roles')).toEqual([['customer']]);
    behaviour.woocommerce_shop_manager_editable_roles = (roles: string[]) => [...roles, 'subscriber'];
    expect((await edit().expect(200)).body.first_name).toBe('Sub');
  });

  it('woocommerce_rest_check_permissions: denies what the capabilities allow, and grants what they do not', async () => {
    const id = (await createFixtureCustomer(t)).id;
    behaviour.woocommerce_rest_check_permissions = (allowed: boolean, context: string) =>
      context === 'delete' ? false : allowed;
    expectError(
      await del(id),
      403,
      'woocommerce_rest_cannot_delete',
      'Sorry, you are not allowed to delete this resource.',
    );
    expect(await userRow(t, id)).toBeDefined();
    behaviour.woocommerce_rest_check_permissions = (allowed: boolean, context: string) =>
      context === 'read' ? false : allowed;
    expectError(await get('/customers'), 403, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');

    const customerKey = await t.createKey(id);
    const ownRecord = () => as(t.http.get(`${V2}/customers/${id}`), customerKey);
    expectError(await ownRecord(), 403, 'woocommerce_rest_cannot_view');
    behaviour.woocommerce_rest_check_permissions = (allowed: boolean, context: string, objectId: number) =>
      allowed || (context === 'read' && objectId === id);
    expect((await ownRecord().expect(200)).body.id).toBe(id);
  });

  it('woocommerce_rest_customer_schema: an added property shows in OPTIONS (schema, and write args when writable)', async () => {
    behaviour.woocommerce_rest_customer_schema = (properties: Record<string, unknown>) => ({
      ...properties,
      tier: { description: 'Loyalty tier.', type: 'string', context: ['view', 'edit'], readonly: true },
      referrer: { description: 'Who referred the customer.', type: 'string', context: ['edit'] },
    });
    const options = await t.http.options(`${V2}/customers`).expect(200);
    expect(options.body.schema.properties.tier).toEqual({
      description: 'Loyalty tier.',
      type: 'string',
      context: ['view', 'edit'],
      readonly: true,
    });
    expect(options.body.schema.properties.referrer).toEqual({
      description: 'Who referred the customer.',
      type: 'string',
      context: ['edit'],
    });
    const postArgs = options.body.endpoints.find((endpoint: { methods: string[] }) =>
      endpoint.methods.includes('POST'),
    ).args;
    expect(postArgs.referrer).toMatchObject({ type: 'string', required: false });
    expect(postArgs).not.toHaveProperty('tier');
    expect(Object.keys(argsOf('woocommerce_rest_customer_schema')[0] as object)).toEqual(
      expect.arrayContaining(['id', 'email', 'billing', 'meta_data']),
    );
  });

  it('illegal_user_logins: a generated name on the list becomes woo_user_NNNN (filterable); a given one → invalid_username', async () => {
    behaviour.illegal_user_logins = (logins: string[]) => [...logins, 'Forbidden'];
    const generated = await post({ email: 'forbidden@example.com' }).expect(201);
    expect(generated.body.username).toMatch(/^woo_user_\d{4}$/);
    expect(argsOf('woocommerce_generated_customer_username')).toEqual([
      generated.body.username,
      'forbidden@example.com',
      {},
      '',
    ]);
    // The final filter sees the replacement name.
    expect(argsOf('woocommerce_new_customer_username')[0]).toBe(generated.body.username);

    behaviour.woocommerce_generated_customer_username = () => 'member_0007';
    expect((await post({ email: 'forbidden@another.example' }).expect(201)).body.username).toBe('member_0007');

    const counts = await tableCounts();
    const given = await post({ email: 'given.forbidden@example.com', username: 'FORBIDDEN', password: 'secret-pass' });
    expect(given.body).toEqual({
      code: 'invalid_username',
      message: 'Sorry, that username is not allowed.',
      data: { status: 400 },
    });
    expect(given.status).toBe(400);
    expect(await tableCounts()).toEqual(counts);
  });

  it('random_password: its result is the stored password', async () => {
    behaviour.random_password = () => 'Chosen-By-Plugin-42';
    const response = await post({ email: 'random.pw@example.com' }).expect(201);
    const row = await userRow(t, response.body.id);
    expect(await checkPassword('Chosen-By-Plugin-42', row!.user_pass)).toBe(true);
    expect(argsOf('woocommerce_created_customer')).toEqual([
      response.body.id,
      expect.objectContaining({ user_pass: 'Chosen-By-Plugin-42' }),
      true,
    ]);
  });

  it('woocommerce_new_customer_data: its result is what wp_insert_user stores', async () => {
    behaviour.woocommerce_new_customer_data = (data: NewCustomerData) => ({
      ...data,
      user_login: 'renamed.by.data',
      first_name: 'Nora',
      last_name: 'North',
    });
    const response = await post({ email: 'data.filter@example.com' }).expect(201);
    expect(response.body).toMatchObject({ username: 'renamed.by.data', first_name: 'Nora', last_name: 'North' });
    expect(await userRow(t, response.body.id)).toMatchObject({
      user_login: 'renamed.by.data',
      user_nicename: 'renamed-by-data',
    });
    expect(await metaValues(t, response.body.id, 'nickname')).toEqual(['renamed.by.data']);
    expect(await metaValues(t, response.body.id, 'first_name')).toEqual(['Nora']);
  });

  it('woocommerce_register_post and woocommerce_registration_errors: an added error → 400 with its code, nothing written', async () => {
    behaviour.woocommerce_registration_errors = (errors: RegistrationErrors, _username: string, email: string) => {
      if (email.endsWith('@blocked.example')) errors.add('acme_blocked', 'Blocked domain.');
      return errors;
    };
    behaviour.woocommerce_register_post = (username: string, _email: string, errors: RegistrationErrors) => {
      if (username === 'banned') errors.add('acme_banned', 'This name is banned.');
    };
    const counts = await tableCounts();
    const blocked = await post({ email: 'someone@blocked.example' });
    expect(blocked.body).toEqual({ code: 'acme_blocked', message: 'Blocked domain.', data: { status: 400 } });
    expect(blocked.status).toBe(400);
    const banned = await post({ email: 'banned@example.com' });
    expect(banned.body).toEqual({ code: 'acme_banned', message: 'This name is banned.', data: { status: 400 } });
    expect(await tableCounts()).toEqual(counts);
    expect(callsOf('woocommerce_new_customer_data')).toEqual([]);
  });

  it('woocommerce_update_customer_args: its result is what wp_update_user writes, on create and on update', async () => {
    behaviour.woocommerce_update_customer_args = (args: Record<string, unknown>, customer: Customer) => ({
      ...args,
      display_name: `${customer.get('first_name')} ${customer.get('last_name')}`.trim() || args.display_name,
    });
    const response = await post({ email: 'display.name@example.com', first_name: 'Dee', last_name: 'Splay' }).expect(
      201,
    );
    expect((await userRow(t, response.body.id))!.display_name).toBe('Dee Splay');
    await put(response.body.id, { last_name: 'Play' }).expect(200);
    expect((await userRow(t, response.body.id))!.display_name).toBe('Dee Play');
  });

  it('woocommerce_before_customer_object_save may change the customer before it is written', async () => {
    behaviour.woocommerce_before_customer_object_save = (customer: Customer) => {
      const phone = customer.getAddress('billing').phone;
      if (phone) customer.setAddressField('billing', 'phone', phone.replace(/[^\d+]/g, ''));
    };
    const response = await post({ email: 'phone@example.com', billing: { phone: '+1 (555) 010-0199' } }).expect(201);
    expect(response.body.billing.phone).toBe('+15550100199');
    expect(await metaValues(t, response.body.id, 'billing_phone')).toEqual(['+15550100199']);
  });
});

describe('a RestError thrown by a callback refuses the request and writes nothing', () => {
  it('from woocommerce_before_customer_object_save: exactly that error, on create and on update', async () => {
    const existing = await createFixtureCustomer(t, { billing: { city: 'Lyon' } });
    behaviour.woocommerce_before_customer_object_save = () => {
      throw new RestError('acme_refused', 'Refused by policy.', 409);
    };
    calls.length = 0;
    const counts = await tableCounts();
    const created = await post({ email: 'refused@example.com', billing: { city: 'Porto' } });
    expect({ status: created.status, body: created.body }).toEqual({
      status: 409,
      body: { code: 'acme_refused', message: 'Refused by policy.', data: { status: 409 } },
    });
    const updated = await put(existing.id, { billing: { city: 'Nice' }, email: 'moved@example.com' });
    expect({ status: updated.status, body: updated.body }).toEqual({
      status: 409,
      body: { code: 'acme_refused', message: 'Refused by policy.', data: { status: 409 } },
    });
    expect(await tableCounts()).toEqual(counts);
    expect(await metaValues(t, existing.id, 'billing_city')).toEqual(['Lyon']);
    expect((await userRow(t, existing.id))!.user_email).toBe(existing.email);
    expect(callsOf('woocommerce_after_customer_object_save')).toEqual([]);
  });

  it('from woocommerce_new_customer (inside the transaction): the whole create is rolled back', async () => {
    behaviour.woocommerce_new_customer = () => {
      throw new RestError('acme_crm_down', 'CRM unavailable.', 503);
    };
    const counts = await tableCounts();
    const response = await post({
      email: 'rolled.back@example.com',
      first_name: 'Ro',
      billing: { city: 'Porto' },
      meta_data: [{ key: 'k', value: 'v' }],
    });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 503,
      body: { code: 'acme_crm_down', message: 'CRM unavailable.', data: { status: 503 } },
    });
    expect(await tableCounts()).toEqual(counts);
    expect(callsOf('user_register')).toHaveLength(1);
    expect(callsOf('woocommerce_after_customer_object_save')).toEqual([]);
    // The same email can register afterwards: nothing of the failed attempt remains.
    delete behaviour.woocommerce_new_customer;
    await post({ email: 'rolled.back@example.com' }).expect(201);
  });

  it('from deleted_user: the delete is rolled back', async () => {
    const customer = await createFixtureCustomer(t);
    behaviour.deleted_user = () => {
      throw new RestError('acme_keep', 'Customers are kept for audit.', 423);
    };
    const counts = await tableCounts();
    expectError(await del(customer.id), 423, 'acme_keep', 'Customers are kept for audit.');
    expect(await tableCounts()).toEqual(counts);
    expect(callsOf('woocommerce_delete_customer')).toEqual([]);
  });
});

describe('order statuses and downloads', () => {
  it('preparing customers filters the order statuses that count and those that are paid', async () => {
    const customer = await createFixtureCustomer(t);
    calls.length = 0;
    behaviour.woocommerce_order_is_paid_statuses = (statuses) => [...(statuses as string[]), 'on-hold'];
    await get(`/customers/${customer.id}`).expect(200);
    expect(argsOf('wc_order_statuses')).toEqual([
      expect.objectContaining({ 'wc-completed': 'Completed', 'wc-pending': 'Pending payment' }),
    ]);
    expect(argsOf('woocommerce_order_is_paid_statuses')).toEqual([['processing', 'completed']]);
  });

  it('GET /customers/<id>/downloads: permissions, each order and file, the list, then each download response', async () => {
    const customer = await createFixtureCustomer(t);
    const db = t.host.db;
    const product = await insertDownloadableProduct(db, 7100, 'Ebook', [
      { id: 'file-a', name: 'Chapter 1', file: 'https://shop.example/a.pdf' },
    ]);
    const order = await insertPost(db, 7101, 'shop_order', 'wc-completed', 'Order', {
      _order_key: 'wc_order_hooks',
      _customer_user: String(customer.id),
    });
    await insertDownloadPermission(db, {
      downloadId: 'file-a',
      productId: product,
      orderId: order,
      orderKey: 'wc_order_hooks',
      userId: customer.id,
      email: customer.email,
    });
    behaviour.woocommerce_downloadable_product_name = (name) => `${String(name)} (PDF)`;
    calls.length = 0;

    const response = await get(`/customers/${customer.id}/downloads`).expect(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0].download_name).toBe('Chapter 1 (PDF)');
    // The permission check, the downloads' filters, then the Allow header's second permission check.
    expect(sequence()).toEqual([
      'woocommerce_rest_check_permissions',
      'woocommerce_permission_list',
      'woocommerce_order_is_download_permitted',
      'woocommerce_downloadable_product_name',
      'woocommerce_customer_available_downloads',
      'woocommerce_rest_prepare_customer_download',
      'woocommerce_rest_check_permissions',
    ]);
    const [permissions, permissionsOf] = argsOf('woocommerce_permission_list');
    expect(permissions).toEqual([
      expect.objectContaining({ download_id: 'file-a', product_id: product, order_id: order, user_id: customer.id }),
    ]);
    expect(permissionsOf).toBe(customer.id);
    expect(argsOf('woocommerce_order_is_download_permitted')).toEqual([
      true,
      { id: order, status: 'wc-completed', orderKey: 'wc_order_hooks' },
    ]);
    expect(argsOf('woocommerce_downloadable_product_name')).toEqual([
      'Chapter 1',
      expect.objectContaining({ id: product, name: 'Ebook' }),
      'file-a',
      0,
    ]);
    const [downloads, downloadsOf] = argsOf('woocommerce_customer_available_downloads');
    expect(downloads).toEqual([expect.objectContaining({ download_id: 'file-a', download_name: 'Chapter 1 (PDF)' })]);
    expect(downloadsOf).toBe(customer.id);
    const [prepared, download, request] = argsOf('woocommerce_rest_prepare_customer_download');
    expect(prepared).toBeInstanceOf(RestResponse);
    expect(download).toEqual(expect.objectContaining({ download_id: 'file-a', order_id: order }));
    expect(request).toBeInstanceOf(RestRequest);
  });
});

describe('coverage of CUSTOMER_HOOKS', () => {
  it('every hook listed in CUSTOMER_HOOKS fired during this file', () => {
    expect([...seen].sort()).toEqual(Object.values(CUSTOMER_HOOKS).sort());
  });
});
