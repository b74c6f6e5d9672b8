import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import WooCommerceRestApi from '@woocommerce/woocommerce-rest-api';
import { createTestHost, type TestHost } from './helpers/testHost';
import { EMPTY_BILLING, EMPTY_SHIPPING, V2_ADMIN_KEYS, gravatar, keysOf } from './helpers/customers';

/**
 * The official client (@woocommerce/woocommerce-rest-api) set to `wc/v2` over plain HTTP: it signs every request with
 * OAuth 1.0a in the query string (sending each query parameter twice, spaces as `+`). The host runs with strict auth,
 * so only a valid OAuth signature gets in. One customer makes the whole round trip.
 */

let t: TestHost;
let server: Server;
let baseUrl: string;
let api: WooCommerceRestApi;
/** The `search` argument the list handler built, per list request. */
const searches: string[] = [];

beforeAll(async () => {
  t = await createTestHost({ strictAuth: true });
  t.host.hooks.addFilter('woocommerce_rest_customer_query', 'test/client', (args: { search?: string }) => {
    searches.push(args.search ?? '');
    return args;
  });
  server = t.host.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await t.createKey(1, 'read_write');
  api = new WooCommerceRestApi({
    url: baseUrl,
    consumerKey: key.consumerKey,
    consumerSecret: key.consumerSecret,
    version: 'wc/v2',
  });
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await t.close();
});

describe('the official JS client round-trips a customer over wc/v2 with OAuth', () => {
  let id: number;
  let created: Record<string, any>;

  it('create: 201, Location, the v2 shape', async () => {
    const response = await api.post('customers', {
      email: 'jo+ann@example.com',
      username: 'Jo Ann',
      password: 'Client-Secret-1',
      first_name: 'Jo',
      last_name: 'Ann',
      billing: { city: 'Porto', country: 'PT', phone: '+351 22 000 0000' },
      shipping: { city: 'Braga' },
      meta_data: [{ key: 'source', value: 'client test' }],
    });
    expect(response.status).toBe(201);
    created = response.data;
    id = created.id;
    expect(response.headers.location).toBe(`${baseUrl}/wp-json/wc/v2/customers/${id}`);
    expect(keysOf(created)).toEqual([...V2_ADMIN_KEYS, '_links']);
    expect(created).toMatchObject({
      email: 'jo+ann@example.com',
      username: 'Jo Ann',
      first_name: 'Jo',
      last_name: 'Ann',
      role: 'customer',
      billing: { ...EMPTY_BILLING, city: 'Porto', country: 'PT', phone: '+351 22 000 0000' },
      shipping: { ...EMPTY_SHIPPING, city: 'Braga' },
      is_paying_customer: false,
      avatar_url: gravatar('jo+ann@example.com'),
      meta_data: [{ id: expect.any(Number), key: 'source', value: 'client test' }],
      orders_count: 0,
      total_spent: '0.00',
      _links: {
        self: [{ href: `${baseUrl}/wp-json/wc/v2/customers/${id}` }],
        collection: [{ href: `${baseUrl}/wp-json/wc/v2/customers` }],
      },
    });
  });

  it('get: the same customer', async () => {
    const response = await api.get(`customers/${id}`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual(created);
  });

  it('list with parameters: a search with a space, one with `+`, the email filter, paging headers', async () => {
    await api.post('customers', { email: 'other.customer@example.com', password: 'Client-Secret-2' });
    searches.length = 0;

    const bySpace = await api.get('customers', { search: 'Jo Ann', per_page: 5, orderby: 'id', order: 'desc' });
    expect(bySpace.status).toBe(200);
    expect(bySpace.data.map((customer: { id: number }) => customer.id)).toEqual([id]);
    expect(bySpace.headers['x-wp-total']).toBe('1');
    expect(bySpace.headers['x-wp-totalpages']).toBe('1');

    const byPlus = await api.get('customers', { search: 'jo+ann@' });
    expect(byPlus.data.map((customer: { id: number }) => customer.id)).toEqual([id]);

    const both = await api.get('customers', { search: 'a b+c', role: 'all' });
    expect(both.data).toEqual([]);
    expect(searches).toEqual(['*Jo Ann*', '*jo+ann@*', '*a b+c*']);

    const byEmail = await api.get('customers', { email: 'jo+ann@example.com' });
    expect(byEmail.data.map((customer: { email: string }) => customer.email)).toEqual(['jo+ann@example.com']);

    const paged = await api.get('customers', { per_page: 1, page: 2, orderby: 'id', order: 'asc' });
    expect(paged.headers['x-wp-total']).toBe('2');
    expect(paged.headers['x-wp-totalpages']).toBe('2');
    expect(paged.data.map((customer: { email: string }) => customer.email)).toEqual(['other.customer@example.com']);
  });

  it('update: changed fields answered and stored, the rest kept', async () => {
    const response = await api.put(`customers/${id}`, {
      last_name: 'Annes',
      billing: { city: 'São Paulo', country: 'BR' },
      meta_data: [{ key: 'source', value: 'updated' }],
    });
    expect(response.status).toBe(200);
    const expected = {
      ...created,
      last_name: 'Annes',
      billing: { ...created.billing, city: 'São Paulo', country: 'BR' },
      meta_data: [{ ...created.meta_data[0], value: 'updated' }],
      date_modified: response.data.date_modified,
      date_modified_gmt: response.data.date_modified_gmt,
    };
    expect(response.data).toEqual(expected);
    expect((await api.get(`customers/${id}`)).data).toEqual(expected);
  });

  it('delete with force: true answers the customer as it was; it is gone afterwards', async () => {
    const before = (await api.get(`customers/${id}`)).data;
    const response = await api.delete(`customers/${id}`, { force: true });
    expect(response.status).toBe(200);
    expect(response.data).toEqual(before);
    await expect(api.get(`customers/${id}`)).rejects.toMatchObject({
      response: {
        status: 404,
        data: { code: 'wc_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } },
      },
    });
  });
});
