import { createTestHost, type TestHost, type TestKey } from './helpers/testHost';
import {
  type CustomerJson,
  EMPTY_SHIPPING,
  JOHN_DOE,
  REST_ROOT,
  V2,
  V2_ADMIN_KEYS,
  anonymous,
  as,
  createCustomer,
  expectError,
  keysOf,
  makeUserWithRole,
  setRoles,
} from './helpers/customers';

/**
 * GET /wp-json/wc/v2/customers: parameters, filtering, search columns and headers
 * (docs/woocommerce-behaviour.md#listing-customers), the answers WooCommerce 8.9.1 gave, and the list rows of
 * WooCommerce's own tests.
 */

let t: TestHost;

const list = (query = '', key: TestKey = t.adminKey) => as(t.http.get(`${V2}/customers${query}`), key);
const usernames = (body: Array<{ username: string }>) => body.map((customer) => customer.username);
const API_LINK = `<${REST_ROOT}/>; rel="https://api.w.org/"`;

beforeAll(async () => {
  t = await createTestHost();
});

afterAll(async () => {
  await t.close();
});

describe('a fresh site', () => {
  it('lists no customer by default: the administrator is not a customer', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
    expect(response.headers['x-wp-total']).toBe('0');
    expect(response.headers['x-wp-totalpages']).toBe('0');
    expect(response.headers.link).toBe(API_LINK);
    expect(response.headers.allow).toBe('GET, POST');
  });

  it('role=all lists the administrator', async () => {
    const response = await list('?role=all');
    expect(response.status).toBe(200);
    expect(usernames(response.body)).toEqual(['admin']);
    expect(response.body[0].role).toBe('administrator');
  });

  it('page 50 of nothing: [] and a prev link clamped to page 0 (TotalPages)', async () => {
    const response = await list('?page=50');
    expect(response.body).toEqual([]);
    expect(response.headers['x-wp-total']).toBe('0');
    expect(response.headers.link).toBe(`<${REST_ROOT}/wc/v2/customers?page=0>; rel="prev"`);
  });
});

describe('with customers', () => {
  let john: CustomerJson;
  let testcustomer: CustomerJson;
  let test2: CustomerJson;
  let carol: CustomerJson;
  let seven: CustomerJson;
  let bob: CustomerJson;
  let zorro: CustomerJson;
  let quentin: CustomerJson;
  let subscriberId: number;
  let managerId: number;
  /** Every user, as [id, user_login]. */
  let everyone: Array<[number, string]>;

  beforeAll(async () => {
    const { db } = t.host;
    const setColumn = (id: number, column: string, value: string) =>
      db.execute(`UPDATE ${db.table('users')} SET ${column} = ? WHERE ID = ?`, [value, id]);
    john = await createCustomer(t, JOHN_DOE);
    testcustomer = await createCustomer(t, {
      username: 'testcustomer',
      password: 'hunter2',
      email: 'test@woo.local',
      first_name: 'Justin',
    });
    test2 = await createCustomer(t, {
      username: 'test2',
      password: 'hunter2',
      email: 'test2@woo.local',
      first_name: 'Justin',
    });
    carol = await createCustomer(t, { username: 'carol@home', password: 'pw', email: 'carol@example.org' });
    await setColumn(carol.id, 'display_name', 'Carol C');
    seven = await createCustomer(t, { username: 'seven', password: 'pw', email: '777@example.com' });
    await setColumn(seven.id, 'display_name', 'Aardvark');
    bob = await createCustomer(t, { username: 'bob', password: 'pw', email: 'bob@example.net' });
    await setColumn(bob.id, 'user_url', 'https://shop.example.net/bob');
    zorro = await createCustomer(t, { username: 'zorro', password: 'pw', email: 'zorro@example.com' });
    await setColumn(zorro.id, 'display_name', 'Zorro Masked');
    quentin = await createCustomer(t, {
      username: 'q1',
      password: 'pw',
      email: 'q1@example.com',
      first_name: 'Quentin',
      last_name: 'Tarantella',
    });
    subscriberId = await makeUserWithRole(t, 'subscriber');
    managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const rows = await db.query<{ ID: number; user_login: string }>(`SELECT ID, user_login FROM ${db.table('users')}`);
    everyone = rows.map((row) => [Number(row.ID), row.user_login]);
    // Registration dates in the reverse order of creation, so registered_date ordering differs from id ordering.
    const customers = [john, testcustomer, test2, carol, seven, bob, zorro, quentin];
    for (const [index, customer] of customers.entries()) {
      await setColumn(customer.id, 'user_registered', `2024-01-${String(20 - index).padStart(2, '0')} 10:00:00`);
    }
  });

  /** Customers by display_name (the default orderby), case-insensitively as both databases collate. */
  const BY_NAME = ['seven', 'bob', 'carol@home', 'john.doe', 'q1', 'test2', 'testcustomer', 'zorro'];
  /** The same customers by user_login. */
  const BY_LOGIN = ['bob', 'carol@home', 'john.doe', 'q1', 'seven', 'test2', 'testcustomer', 'zorro'];

  describe('lists as WooCommerce 8.9.1 answered them, and get_customers', () => {
    it('default list = role customer ordered by name, with totals and item _links', async () => {
      const response = await list();
      expect(response.status).toBe(200);
      expect(usernames(response.body)).toEqual(BY_NAME);
      expect(response.headers['x-wp-total']).toBe('8');
      expect(response.headers['x-wp-totalpages']).toBe('1');
      expect(response.headers.link).toBe(API_LINK);
      expect(response.headers.allow).toBe('GET, POST');
      const item = response.body.find((customer: { id: number }) => customer.id === john.id);
      expect(keysOf(item)).toEqual([...V2_ADMIN_KEYS, '_links']);
      expect(item).toMatchObject({
        email: 'john.doe@example.com',
        first_name: 'John',
        shipping: { ...JOHN_DOE.shipping, phone: '' },
      });
      expect(item._links).toEqual({
        self: [{ href: `${REST_ROOT}/wc/v2/customers/${john.id}` }],
        collection: [{ href: `${REST_ROOT}/wc/v2/customers` }],
      });
    });

    it('get_customers (orderby=id): the helper customers with their fields', async () => {
      const response = await list('?orderby=id&include=' + [testcustomer.id, test2.id].join(','));
      expect(response.body).toHaveLength(2);
      const item = response.body[0];
      expect(item).toMatchObject({
        id: testcustomer.id,
        email: 'test@woo.local',
        first_name: 'Justin',
        last_name: '',
        role: 'customer',
        username: 'testcustomer',
        is_paying_customer: false,
        meta_data: [],
        orders_count: 0,
        total_spent: '0.00',
        shipping: EMPTY_SHIPPING,
      });
      expect(item._links.self[0].href).toBe(`${REST_ROOT}/wc/v2/customers/${testcustomer.id}`);
    });

    it('role=all lists every user', async () => {
      const response = await list('?role=all&per_page=100');
      expect(response.headers['x-wp-total']).toBe(String(everyone.length));
      expect(
        response.body.map((customer: { id: number }) => customer.id).sort((a: number, b: number) => a - b),
      ).toEqual(everyone.map(([id]) => id).sort((a, b) => a - b));
      const admin = response.body.find((customer: { id: number }) => customer.id === 1);
      expect(admin).toMatchObject({
        role: 'administrator',
        username: 'admin',
        date_modified: null,
        date_modified_gmt: null,
      });
    });

    it('a specific role: subscriber, shop_manager, administrator', async () => {
      expect((await list('?role=subscriber')).body.map((c: { id: number }) => c.id)).toEqual([subscriberId]);
      expect((await list('?role=shop_manager')).body.map((c: { id: number }) => c.id)).toEqual([managerId]);
      expect((await list('?role=administrator')).body.map((c: { id: number }) => c.id)).toEqual([1]);
    });

    it('page 2 of 2 → Link with rel="prev" only, exactly', async () => {
      const response = await list(`?per_page=1&page=2&include=${john.id},${bob.id}`);
      expect(response.headers['x-wp-total']).toBe('2');
      expect(response.headers['x-wp-totalpages']).toBe('2');
      // get_query_params() holds the sanitized values, so include is the parsed id list, built as include[0], include[1].
      expect(response.headers.link).toBe(
        `<${REST_ROOT}/wc/v2/customers?per_page=1&page=1&include%5B0%5D=${john.id}&include%5B1%5D=${bob.id}>; rel="prev"`,
      );
      expect(usernames(response.body)).toEqual(['john.doe']);
    });

    it('a middle page links prev and next in one header; links echo the query as received', async () => {
      const response = await list('?per_page=3&page=2&orderby=id');
      expect(response.headers['x-wp-total']).toBe('8');
      expect(response.headers['x-wp-totalpages']).toBe('3');
      expect(response.headers.link).toBe(
        `<${REST_ROOT}/wc/v2/customers?per_page=3&page=1&orderby=id>; rel="prev", <${REST_ROOT}/wc/v2/customers?per_page=3&page=3&orderby=id>; rel="next"`,
      );
      expect(response.body.map((c: { id: number }) => c.id)).toEqual([carol.id, seven.id, bob.id]);
    });

    it('page 1 links only next, with page appended', async () => {
      const response = await list('?per_page=5');
      expect(response.headers.link).toBe(`<${REST_ROOT}/wc/v2/customers?per_page=5&page=2>; rel="next"`);
    });

    it('past the end: [] with the real totals and prev clamped to the last page', async () => {
      const response = await list('?per_page=3&page=9');
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
      expect(response.headers['x-wp-total']).toBe('8');
      expect(response.headers['x-wp-totalpages']).toBe('3');
      expect(response.headers.link).toBe(`<${REST_ROOT}/wc/v2/customers?per_page=3&page=3>; rel="prev"`);
    });
  });

  describe('search', () => {
    const search = async (term: string) => usernames((await list(`?search=${encodeURIComponent(term)}&role=all`)).body);

    it('search=john', async () => {
      const response = await list('?search=john');
      expect(usernames(response.body)).toEqual(['john.doe']);
      expect(response.headers['x-wp-total']).toBe('1');
    });

    it('plain terms search login, url, email, nicename and display_name, case-insensitively', async () => {
      expect(await search('JOHN.D')).toEqual(['john.doe']); // user_login
      expect(await search('n-d')).toEqual(['john.doe']); // user_nicename john-doe
      expect(await search('example.net/bob')).toEqual(['bob']); // user_url
      expect(await search('woo.local')).toEqual(['test2', 'testcustomer']); // user_email
      expect(await search('Masked')).toEqual(['zorro']); // display_name
      expect(await search('aardv')).toEqual(['seven']); // display_name
    });

    it('first and last names are not searched', async () => {
      expect(await search('Quentin')).toEqual([]);
      expect(await search('Tarantella')).toEqual([]);
    });

    it('a term with @ searches user_email only (plus display_name)', async () => {
      expect(await search('carol@example')).toEqual(['carol@home']);
      // Carol's login is carol@home, but logins are not searched for an @ term.
      expect(await search('l@home')).toEqual([]);
    });

    it('an all-digit term searches user_login and the exact ID, not the email', async () => {
      expect(await search('777')).toEqual([]);
      const term = String(zorro.id);
      const expected = everyone
        .filter(([id, login]) => id === zorro.id || login.includes(term))
        .map(([, login]) => login)
        .sort();
      expect((await search(term)).sort()).toEqual(expected);
      expect(expected).toContain('zorro');
    });

    it('an http(s):// term searches user_url', async () => {
      expect(await search('https://shop.example.net')).toEqual(['bob']);
    });

    it('LIKE wildcards in the term are literal', async () => {
      expect(await search('%')).toEqual([]);
      expect(await search('te_t')).toEqual([]);
    });
  });

  describe('email filter', () => {
    it('exact match, case-insensitive, overriding search', async () => {
      expect(usernames((await list('?email=john.doe@example.com')).body)).toEqual(['john.doe']);
      expect(usernames((await list('?email=JOHN.DOE@EXAMPLE.COM')).body)).toEqual(['john.doe']);
      expect(usernames((await list('?email=ohn.doe@example.com')).body)).toEqual([]);
      expect(usernames((await list('?search=zzz&email=bob@example.net')).body)).toEqual(['bob']);
    });

    it('an invalid address → 400 rest_invalid_param', async () => {
      const response = await list('?email=not-an-email');
      expect(response.body).toEqual({
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): email',
        data: {
          status: 400,
          params: { email: 'Invalid email address.' },
          details: { email: { code: 'rest_invalid_email', message: 'Invalid email address.', data: null } },
        },
      });
    });
  });

  describe('include / exclude / offset', () => {
    it('include as a comma string and as an array', async () => {
      const ids = [bob.id, zorro.id];
      expect(usernames((await list(`?include=${ids.join(',')}`)).body)).toEqual(['bob', 'zorro']);
      expect(usernames((await list(`?include[]=${ids[0]}&include[]=${ids[1]}`)).body)).toEqual(['bob', 'zorro']);
    });

    it('exclude as a comma string and as an array', async () => {
      const expected = BY_NAME.filter((login) => login !== 'bob' && login !== 'zorro');
      expect(usernames((await list(`?exclude=${bob.id},${zorro.id}`)).body)).toEqual(expected);
      expect(usernames((await list(`?exclude[]=${bob.id}&exclude[]=${zorro.id}`)).body)).toEqual(expected);
    });

    it('non-numeric ids are not an error: they become 0 and match nobody', async () => {
      const response = await list('?include=abc');
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
      expect(response.headers['x-wp-total']).toBe('0');
    });

    it('include keeps the role filter', async () => {
      expect(usernames((await list(`?include=1,${bob.id}`)).body)).toEqual(['bob']);
    });

    it('offset replaces the page, is absint-ed, and stays in the links', async () => {
      expect(usernames((await list('?per_page=2&offset=1')).body)).toEqual(['bob', 'carol@home']);
      expect(usernames((await list('?per_page=2&offset=-1')).body)).toEqual(['bob', 'carol@home']);
      expect(usernames((await list('?per_page=2&offset=2&page=4')).body)).toEqual(['carol@home', 'john.doe']);
      const response = await list('?per_page=2&offset=2');
      // Current page = ceil(2/2 + 1) = 2.
      expect(response.headers.link).toBe(
        `<${REST_ROOT}/wc/v2/customers?per_page=2&offset=2&page=1>; rel="prev", <${REST_ROOT}/wc/v2/customers?per_page=2&offset=2&page=3>; rel="next"`,
      );
    });

    it('an offset past the end: [], the real total, prev clamped to the last page', async () => {
      const response = await list('?offset=100&per_page=10');
      expect(response.body).toEqual([]);
      expect(response.headers['x-wp-total']).toBe('8');
      expect(response.headers['x-wp-totalpages']).toBe('1');
      expect(response.headers.link).toBe(`<${REST_ROOT}/wc/v2/customers?offset=100&per_page=10&page=1>; rel="prev"`);
    });

    it('offset=0 falls back to the page', async () => {
      expect(usernames((await list('?per_page=2&offset=0&page=2')).body)).toEqual(['carol@home', 'john.doe']);
    });
  });

  describe('orderby and order', () => {
    const creationOrder = () => [john, testcustomer, test2, carol, seven, bob, zorro, quentin].map((c) => c.username);

    it('id asc / desc', async () => {
      expect(usernames((await list('?orderby=id')).body)).toEqual(creationOrder());
      expect(usernames((await list('?orderby=id&order=desc')).body)).toEqual(creationOrder().reverse());
    });

    it('name (display_name) asc / desc', async () => {
      expect(usernames((await list('?orderby=name')).body)).toEqual(BY_NAME);
      expect(usernames((await list('?order=desc')).body)).toEqual([...BY_NAME].reverse());
    });

    it('registered_date desc', async () => {
      expect(usernames((await list('?orderby=registered_date&order=desc')).body)).toEqual(creationOrder());
      expect(usernames((await list('?orderby=registered_date')).body)).toEqual(creationOrder().reverse());
    });

    it('include: the order of the include list', async () => {
      const ids = [zorro.id, john.id, bob.id];
      expect(usernames((await list(`?orderby=include&include=${ids.join(',')}`)).body)).toEqual([
        'zorro',
        'john.doe',
        'bob',
      ]);
    });

    it('include without an include list falls back to user_login', async () => {
      expect(usernames((await list('?orderby=include')).body)).toEqual(BY_LOGIN);
    });
  });
});

describe('roles are matched in wp_capabilities', () => {
  it('a user with the roles subscriber and customer is a customer, reported with its first role', async () => {
    const user = await createCustomer(t, { email: 'two.roles@example.com', username: 'two.roles', password: 'pw' });
    await setRoles(t, user.id, ['subscriber', 'customer']);
    const customers = (await list('?per_page=100')).body;
    expect(customers.find((c: { id: number }) => c.id === user.id)?.role).toBe('subscriber');
    expect((await list('?role=subscriber&per_page=100')).body.map((c: { id: number }) => c.id)).toContain(user.id);
  });
});

describe('parameter validation: 400 before permission', () => {
  const outOfBounds = (param: string) => ({
    code: 'rest_invalid_param',
    message: `Invalid parameter(s): ${param}`,
    data: {
      status: 400,
      params: { [param]: `${param} must be between 1 (inclusive) and 100 (inclusive)` },
      details: {
        [param]: {
          code: 'rest_out_of_bounds',
          message: `${param} must be between 1 (inclusive) and 100 (inclusive)`,
          data: null,
        },
      },
    },
  });

  it('per_page=0', async () => {
    const response = await list('?per_page=0');
    expect(response.status).toBe(400);
    expect(response.body).toEqual(outOfBounds('per_page'));
    expect(response.headers.allow).toBe('GET, POST');
  });

  it('per_page=101', async () => {
    const response = await list('?per_page=101');
    expect(response.status).toBe(400);
    expect(response.body).toEqual(outOfBounds('per_page'));
  });

  it('per_page=100 and numeric strings are fine', async () => {
    expect((await list('?per_page=100')).status).toBe(200);
    expect((await list('?per_page=1&page=1')).status).toBe(200);
  });

  it('per_page=abc → not of type integer', async () => {
    const response = await list('?per_page=abc');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
    expect(response.body.data.params).toEqual({ per_page: 'per_page is not of type integer.' });
  });

  it('page=0 → must be greater than or equal to 1', async () => {
    const response = await list('?page=0');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): page');
    expect(response.body.data.params).toEqual({ page: 'page must be greater than or equal to 1' });
  });

  it('orderby=bogus', async () => {
    const response = await list('?orderby=bogus');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): orderby',
      data: {
        status: 400,
        params: { orderby: 'orderby is not one of id, include, name, and registered_date.' },
        details: {
          orderby: {
            code: 'rest_not_in_enum',
            message: 'orderby is not one of id, include, name, and registered_date.',
            data: null,
          },
        },
      },
    });
  });

  it('order is case-sensitive: ASC → 400', async () => {
    const response = await list('?order=ASC');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): order');
    expect(response.body.data.params).toEqual({ order: 'order is not one of asc and desc.' });
  });

  it('role must be all or a registered role', async () => {
    const response = await list('?role=bogus');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): role');
    expect(response.body.data.params).toEqual({
      role: 'role is not one of all, administrator, editor, author, contributor, subscriber, customer, and shop_manager.',
    });
  });

  it('several invalid params are reported together', async () => {
    const response = await list('?per_page=1000&order=up');
    expectError(response, 400, 'rest_invalid_param', 'Invalid parameter(s): per_page, order');
    expect(Object.keys(response.body.data.params)).toEqual(['per_page', 'order']);
  });

  it('an anonymous request with per_page=1000 gets 400, not 401', async () => {
    const response = await anonymous(t.http.get(`${V2}/customers?per_page=1000`));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('rest_invalid_param');
  });

  it('unknown parameters are ignored', async () => {
    expect((await list('?colour=blue')).status).toBe(200);
  });
});

describe('permissions (get_customers_without_permission)', () => {
  it('anonymous → 401 woocommerce_rest_cannot_view, Vary: Origin, no Allow, no no-cache headers', async () => {
    const response = await anonymous(t.http.get(`${V2}/customers`));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 401 },
    });
    expect(response.headers.vary).toBe('Origin');
    expect(response.headers.allow).toBeUndefined();
    expect(response.headers['cache-control']).toBeUndefined();
    expect(response.headers['x-wp-total']).toBeUndefined();
  });

  it('a customer-role key → 403', async () => {
    const customer = await createCustomer(t, { email: 'lister@example.com', password: 'pw' });
    const key = await t.createKey(customer.id, 'read');
    const response = await list('', key);
    expect(response.body).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 403 },
    });
    expect(response.status).toBe(403);
  });

  it('a shop manager (list_users) may list, but sees no meta_data', async () => {
    const managerId = await makeUserWithRole(t, 'shop_manager', 9);
    const key = await t.createKey(managerId, 'read');
    const response = await list('?per_page=1', key);
    expect(response.status).toBe(200);
    expect(response.body[0]).not.toHaveProperty('meta_data');
    expect(response.body[0]).toHaveProperty('orders_count', 0);
  });
});
