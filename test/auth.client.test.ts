import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import WooCommerceRestApi from '@woocommerce/woocommerce-rest-api';
import { createTestHost, type TestHost } from './helpers/testHost';
import { checkUserPermissions, authorizationRequiredCode } from '../src/auth/restPermissions';
import { loadCurrentUser } from '../src/auth/currentUser';
import { RestError } from '../src/rest/RestError';
import type { RestRequest } from '../src/rest/RestRequest';
import type { UserPermissionContext } from '../src/auth/restPermissions';

/**
 * The official JavaScript client (@woocommerce/woocommerce-rest-api) over plain HTTP signs every request with OAuth 1.0a
 * HMAC-SHA256 in the query string and sends the query parameters twice. It must work against wc-host for list, get,
 * create, update and delete. An echo route set under wc/v3 stands in for the customers endpoints.
 */
describe('the official WooCommerce JS client over plain HTTP', () => {
  let t: TestHost;
  let server: Server;
  let api: WooCommerceRestApi;

  beforeAll(async () => {
    t = await createTestHost();
    const { host } = t;
    const loadRoles = (id: number) => loadCurrentUser(host.db, host.options, id).then((user) => user?.roles ?? null);
    const guard = (context: UserPermissionContext) => async (request: RestRequest) => {
      if (
        await checkUserPermissions(
          { hooks: host.hooks, user: request.user, loadRoles },
          context,
          Number(request.urlParams.id ?? 0),
        )
      ) {
        return true;
      }
      throw new RestError(
        'woocommerce_rest_cannot_view',
        'Sorry, you cannot list resources.',
        authorizationRequiredCode(request.user),
      );
    };
    const echo = (request: RestRequest) => ({
      method: request.method,
      user: request.user?.id ?? 0,
      id: request.urlParams.id ?? null,
      query: request.query,
      body: request.jsonBody,
    });
    host.rest.registerRoute('wc/v3', '/things', [
      { methods: 'GET', callback: echo, permissionCallback: guard('read') },
      { methods: 'POST', callback: echo, permissionCallback: guard('create') },
    ]);
    host.rest.registerRoute('wc/v3', '/things/(?P<id>[\\d]+)', [
      { methods: 'GET', callback: echo, permissionCallback: guard('read') },
      { methods: ['PUT', 'PATCH'], callback: echo, permissionCallback: guard('edit') },
      { methods: 'DELETE', callback: echo, permissionCallback: guard('delete') },
    ]);
    server = host.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    api = new WooCommerceRestApi({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      consumerKey: t.adminKey.consumerKey,
      consumerSecret: t.adminKey.consumerSecret,
      version: 'wc/v3',
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    await t.close();
  });

  it('lists with query parameters (sent twice, with nested filter and encoded spaces and plus signs)', async () => {
    const response = await api.get('things', { per_page: 5, role: 'all', search: 'a b+c', filter: { period: 'week' } });
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({
      method: 'GET',
      user: 1,
      query: { per_page: '5', role: 'all', search: 'a b+c', filter: { period: 'week' } },
    });
  });

  it('gets one item', async () => {
    const response = await api.get('things/7');
    expect(response.data).toMatchObject({ method: 'GET', user: 1, id: '7' });
  });

  it('creates with a JSON body', async () => {
    const response = await api.post('things', { email: 'jo@example.com', billing: { city: 'Oslo' } });
    expect(response.data).toMatchObject({
      method: 'POST',
      user: 1,
      body: { email: 'jo@example.com', billing: { city: 'Oslo' } },
    });
  });

  it('updates', async () => {
    const response = await api.put('things/7', { first_name: 'Jo' });
    expect(response.data).toMatchObject({ method: 'PUT', id: '7', body: { first_name: 'Jo' } });
  });

  it('deletes with a query parameter', async () => {
    const response = await api.delete('things/7', { force: true });
    expect(response.data).toMatchObject({ method: 'DELETE', id: '7', query: { force: 'true' } });
  });

  it('gets WooCommerce errors back for a wrong secret', async () => {
    const wrong = new WooCommerceRestApi({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      consumerKey: t.adminKey.consumerKey,
      consumerSecret: 'cs_wrong',
      version: 'wc/v3',
    });
    await expect(wrong.get('things')).rejects.toMatchObject({
      response: {
        status: 401,
        data: {
          code: 'woocommerce_rest_authentication_error',
          message: 'Invalid signature - provided signature does not match.',
        },
      },
    });
  });
});
