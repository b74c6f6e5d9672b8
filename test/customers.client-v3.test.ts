import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import WooCommerceRestApi from '@woocommerce/woocommerce-rest-api';
import { createTestHost, type TestHost } from './helpers/testHost';
import { V3_ADMIN_KEYS, JOHN_DOE, gravatar, keysOf } from './helpers/customers';

/**
 * The official JavaScript client (@woocommerce/woocommerce-rest-api) configured as most integrations configure it:
 * URL and key only, so `wc/v3` (its default version), OAuth 1.0a over plain HTTP. A customer round-trips through the
 * real customers endpoints: create, get, list, update, delete.
 */
describe('the official JS client with its defaults round-trips a customer over wc/v3', () => {
  let t: TestHost;
  let server: Server;
  let baseUrl: string;
  let api: WooCommerceRestApi;

  beforeAll(async () => {
    // Strict auth: Basic and query-string keys are refused over plain HTTP even from loopback, so only OAuth works.
    t = await createTestHost({ strictAuth: true });
    server = t.host.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api = new WooCommerceRestApi({
      url: baseUrl,
      consumerKey: t.adminKey.consumerKey,
      consumerSecret: t.adminKey.consumerSecret,
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    await t.close();
  });

  it('signs with OAuth: the same key over Basic auth is refused on this host', async () => {
    const response = await fetch(`${baseUrl}/wp-json/wc/v3/customers`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${t.adminKey.consumerKey}:${t.adminKey.consumerSecret}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(401);
  });

  it('create → get → list → update → delete(force) → 404', async () => {
    const created = await api.post('customers', JOHN_DOE);
    expect(created.status).toBe(201);
    const id: number = created.data.id;
    expect(created.headers.location).toBe(`${baseUrl}/wp-json/wc/v3/customers/${id}`);
    expect(created.data).toMatchObject({
      email: 'john.doe@example.com',
      first_name: 'John',
      last_name: 'Doe',
      role: 'customer',
      username: 'john.doe',
      billing: JOHN_DOE.billing,
      shipping: { ...JOHN_DOE.shipping, phone: '' },
      is_paying_customer: false,
      avatar_url: gravatar('john.doe@example.com'),
      meta_data: [],
    });
    // The v3 shape: no order totals.
    expect(keysOf(created.data)).toEqual([...V3_ADMIN_KEYS, '_links']);
    expect(created.data._links.self).toEqual([{ href: `${baseUrl}/wp-json/wc/v3/customers/${id}` }]);

    const fetched = await api.get(`customers/${id}`);
    expect(fetched.status).toBe(200);
    const { _links: _createdLinks, ...createdData } = created.data;
    const { _links: _fetchedLinks, ...fetchedData } = fetched.data;
    expect(fetchedData).toEqual(createdData);

    const listed = await api.get('customers', { email: 'john.doe@example.com', per_page: 5 });
    expect(listed.status).toBe(200);
    expect(listed.headers['x-wp-total']).toBe('1');
    expect(listed.data.map((customer: { id: number }) => customer.id)).toEqual([id]);

    const updated = await api.put(`customers/${id}`, {
      first_name: 'Jack',
      shipping: { phone: '+1 555 0100', first_name: 'Jack' },
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ first_name: 'Jack', shipping: { first_name: 'Jack', phone: '+1 555 0100' } });
    expect((await api.get(`customers/${id}`)).data).toMatchObject({
      first_name: 'Jack',
      shipping: { phone: '+1 555 0100' },
    });

    const deleted = await api.delete(`customers/${id}`, { force: true });
    expect(deleted.status).toBe(200);
    expect(deleted.data).toMatchObject({ id, first_name: 'Jack', email: 'john.doe@example.com' });

    await expect(api.get(`customers/${id}`)).rejects.toMatchObject({
      response: { status: 404, data: { code: 'wc_user_invalid_id', message: 'Invalid user ID.' } },
    });
  });

  it('errors come back as WooCommerce errors (delete without force: 501)', async () => {
    const created = await api.post('customers', { email: 'client.keep@example.com', password: 'secret-pass' });
    await expect(api.delete(`customers/${created.data.id}`)).rejects.toMatchObject({
      response: {
        status: 501,
        data: { code: 'woocommerce_rest_trash_not_supported', message: 'Customers do not support trashing.' },
      },
    });
  });
});
