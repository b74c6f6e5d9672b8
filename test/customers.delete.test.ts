import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import {
  type CustomerJson,
  JOHN_DOE,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  createFixtureCustomer,
  expectError,
  keysOf,
  makeUserWithRole,
  metaRows,
  userRow,
} from './helpers/customers';

/**
 * DELETE /wp-json/wc/v2/customers/{id} (docs/woocommerce-behaviour.md#deleting): the answers WooCommerce 8.9.1 gave,
 * the delete rows of WooCommerce's own tests, and current WooCommerce's rules (an administrator cannot be deleted;
 * unknown ids are 404).
 */

let t: TestHost;

const del = (id: number | string, query = '', key: TestKey = t.adminKey) =>
  as(t.http.delete(`${V2}/customers/${id}${query}`), key);
const get = (id: number) => as(t.http.get(`${V2}/customers/${id}`), t.adminKey);

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

/** A wp_posts row authored by `authorId` (only the columns without defaults that matter here). */
async function insertPost(authorId: number): Promise<number> {
  const { db } = t.host;
  const result = await db.execute(
    `INSERT INTO ${db.table('posts')} (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered)
     VALUES (?, '2024-01-01 00:00:00', '2024-01-01 00:00:00', 'body', 'A post', '', '', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '')`,
    [authorId],
  );
  return result.insertId;
}

async function postAuthor(postId: number): Promise<number> {
  const { db } = t.host;
  const [row] = await db.query<{ post_author: number }>(`SELECT post_author FROM ${db.table('posts')} WHERE ID = ?`, [
    postId,
  ]);
  return Number(row.post_author);
}

describe('John Doe, as WooCommerce 8.9.1 deleted him', () => {
  let john: CustomerJson;

  beforeAll(async () => {
    john = await createCustomer(t, { ...JOHN_DOE, meta_data: [{ key: 'loyalty', value: 'gold' }] });
  });

  it('without force → 501 woocommerce_rest_trash_not_supported, nothing deleted', async () => {
    const response = await del(john.id);
    expect(response.status).toBe(501);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_trash_not_supported',
      message: 'Customers do not support trashing.',
      data: { status: 501 },
    });
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    expect((await get(john.id)).status).toBe(200);
  });

  it('force=false explicitly → 501 too', async () => {
    expect((await del(john.id, '?force=false')).status).toBe(501);
    expect((await del(john.id, '?force=0')).status).toBe(501);
  });

  it('a force that is not a boolean → 400', async () => {
    const response = await del(john.id, '?force=yes');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): force');
    expect(response.body.data.params).toEqual({ force: 'force is not of type boolean.' });
  });

  it('force=true → 200 with the customer as it was before deletion (context edit)', async () => {
    const before = await get(john.id);
    const keyOfJohn = await t.createKey(john.id, 'read');
    const response = await del(john.id, '?force=true');
    expect(response.status).toBe(200);
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(keysOf(response.body)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(response.body).toEqual(before.body);
    expect(response.body.meta_data).toEqual([{ id: expect.any(Number), key: 'loyalty', value: 'gold' }]);

    // The user row, every meta row and the user's API keys are gone (WooCommerce's delete_user listener).
    expect(await userRow(t, john.id)).toBeUndefined();
    expect(await metaRows(t, john.id)).toEqual([]);
    const { db } = t.host;
    expect(
      await db.query(`SELECT key_id FROM ${db.table('woocommerce_api_keys')} WHERE user_id = ?`, [john.id]),
    ).toEqual([]);
    expect(
      await db.query(`SELECT key_id FROM ${db.table('woocommerce_api_keys')} WHERE key_id = ?`, [keyOfJohn.keyId]),
    ).toEqual([]);
    expect(
      await db.query(`SELECT key_id FROM ${db.table('woocommerce_api_keys')} WHERE key_id = ?`, [t.adminKey.keyId]),
    ).toHaveLength(1);
  });

  it('current WooCommerce: GET after delete → 404 wc_user_invalid_id', async () => {
    const response = await get(john.id);
    expect(response.body).toEqual({ code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    expect(response.status).toBe(404);
  });

  it('deleting it again → 404 (current WooCommerce: the permission step finds no user, before the force check)', async () => {
    expectError(await del(john.id, '?force=true'), 404, 'wc_user_invalid_id', 'Invalid user ID.');
    expectError(await del(john.id), 404, 'wc_user_invalid_id', 'Invalid user ID.');
  });
});

describe('WooCommerce tests', () => {
  it('delete_customer: DELETE ?force=true → 200', async () => {
    const customer = await createFixtureCustomer(t);
    expect((await del(customer.id, '?force=true')).status).toBe(200);
  });

  it('delete_customer_invalid_id: /customers/0?force=true → 404 wc_user_invalid_id (current WooCommerce)', async () => {
    const response = await del(0, '?force=true');
    expect(response.body).toEqual({ code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
  });

  it('delete_customer_without_permission: anonymous → 401 woocommerce_rest_cannot_delete', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await anonymous(t.http.delete(`${V2}/customers/${customer.id}?force=true`));
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_delete',
      message: 'Sorry, you are not allowed to delete this resource.',
      data: { status: 401 },
    });
    expect(response.status).toBe(401);
    expect((await get(customer.id)).status).toBe(200);
  });

  it('JS API tests: force in a JSON body', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await del(customer.id).send({ force: true });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(customer.id);
    expect((await get(customer.id)).status).toBe(404);
  });

  it("the JS test's follow-up GET of /customers/[object Object] is a rest_no_route 404", async () => {
    const response = await as(t.http.get(`${V2}/customers/[object Object]`), t.adminKey);
    expectError(response, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
  });

  it('the deleted customer leaves the list and its total', async () => {
    const customer = await createFixtureCustomer(t);
    const before = await as(t.http.get(`${V2}/customers`), t.adminKey);
    await del(customer.id, '?force=true');
    const after = await as(t.http.get(`${V2}/customers`), t.adminKey);
    expect(Number(after.headers['x-wp-total'])).toBe(Number(before.headers['x-wp-total']) - 1);
    expect(after.body.map((c: { id: number }) => c.id)).not.toContain(customer.id);
  });
});

describe('reassign', () => {
  it('reassign to the deleted user itself or to nobody → 400 woocommerce_rest_customer_invalid_reassign, nothing deleted', async () => {
    const customer = await createFixtureCustomer(t);
    for (const reassign of [customer.id, 999999]) {
      const response = await del(customer.id, `?force=true&reassign=${reassign}`);
      expect(response.body).toEqual({
        code: 'woocommerce_rest_customer_invalid_reassign',
        message: 'Invalid resource id for reassignment.',
        data: { status: 400 },
      });
    }
    expect((await get(customer.id)).status).toBe(200);
  });

  it('a non-integer reassign → 400 rest_invalid_param', async () => {
    const customer = await createFixtureCustomer(t);
    const response = await del(customer.id, '?force=true&reassign=abc');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): reassign');
  });

  it('reassign moves the customer’s posts to that user', async () => {
    const customer = await createFixtureCustomer(t);
    const postId = await insertPost(customer.id);
    const response = await del(customer.id, '?force=true&reassign=1');
    expect(response.status).toBe(200);
    expect(await postAuthor(postId)).toBe(1);
  });

  it('without reassign (default 0) the posts are kept with post_author 0', async () => {
    const customer = await createFixtureCustomer(t);
    const postId = await insertPost(customer.id);
    const untouched = await insertPost(1);
    expect((await del(customer.id, '?force=true')).status).toBe(200);
    expect(await postAuthor(postId)).toBe(0);
    expect(await postAuthor(untouched)).toBe(1);
  });
});

describe('the allowed-roles rule of current WooCommerce', () => {
  const cannotDelete = (role: string, allowed = 'customer, subscriber') => ({
    code: 'woocommerce_rest_cannot_delete',
    message: `Sorry, users with ${role} role cannot be deleted via this endpoint. Allowed roles: ${allowed}`,
    data: { status: 403 },
  });

  it('an administrator cannot be deleted, not even by another administrator', async () => {
    const response = await del(1, '?force=true');
    expect(response.body).toEqual(cannotDelete('administrator'));
    expect(response.status).toBe(403);
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH');
    const secondAdmin = await makeUserWithRole(t, 'administrator', 10);
    expect((await del(secondAdmin, '?force=true')).body).toEqual(cannotDelete('administrator'));
    expect((await get(secondAdmin)).status).toBe(200);
  });

  it('a shop manager cannot be deleted', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    expect((await del(managerId, '?force=true')).body).toEqual(cannotDelete('shop_manager'));
  });

  it('a subscriber can be deleted', async () => {
    const subscriberId = await makeUserWithRole(t, 'subscriber');
    const response = await del(subscriberId, '?force=true');
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('subscriber');
  });

  it('the woocommerce_rest_customer_allowed_roles filter narrows the list', async () => {
    const subscriberId = await makeUserWithRole(t, 'subscriber');
    t.host.hooks.addFilter('woocommerce_rest_customer_allowed_roles', 'test/only-customers', () => ['customer']);
    try {
      expect((await del(subscriberId, '?force=true')).body).toEqual(cannotDelete('subscriber', 'customer'));
    } finally {
      t.host.hooks.removeFilter('woocommerce_rest_customer_allowed_roles', 'test/only-customers');
    }
    expect((await del(subscriberId, '?force=true')).status).toBe(200);
  });
});

describe('keys and requesters', () => {
  it('a customer-role key → 403 woocommerce_rest_cannot_delete, even on itself', async () => {
    const customer = await createFixtureCustomer(t);
    const key = await t.createKey(customer.id, 'read_write');
    const response = await del(customer.id, '?force=true', key);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_delete',
      message: 'Sorry, you are not allowed to delete this resource.',
      data: { status: 403 },
    });
  });

  it('a read-only key → 401 woocommerce_rest_authentication_error', async () => {
    const customer = await createFixtureCustomer(t);
    const readKey = await t.createKey(1, 'read');
    const response = await del(customer.id, '?force=true', readKey);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have write permissions.',
      data: { status: 401 },
    });
    expect((await get(customer.id)).status).toBe(200);
  });

  it('a shop manager has no delete_users (WooCommerce only grants it edit_users) → 403', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const key = await t.createKey(managerId, 'read_write');
    const customer = await createFixtureCustomer(t);
    const response = await del(customer.id, '?force=true', key);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_delete',
      message: 'Sorry, you are not allowed to delete this resource.',
      data: { status: 403 },
    });
    expect(response.headers.allow).toBe('GET, POST, PUT, PATCH');
  });

  it('DELETE on the collection is not a route → 404 rest_no_route', async () => {
    const response = await as(t.http.delete(`${V2}/customers`), t.adminKey);
    expectError(response, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
  });
});
