import { RestError } from '../src/rest';
import type { RouteEndpoint } from '../src/rest/types';
import { createRestTestApp } from './helpers/restApp';

const NO_ROUTE = {
  code: 'rest_no_route',
  message: 'No route was found matching the URL and request method.',
  data: { status: 404 },
};

describe('registering routes', () => {
  it('refuses an endpoint without a permissionCallback', () => {
    const { rest } = createRestTestApp();
    const endpoint = { methods: 'GET', callback: () => 'x' } as unknown as Parameters<typeof rest.registerRoute>[2];
    expect(() => rest.registerRoute('acme/v1', '/things', endpoint)).toThrow(/permissionCallback/);
  });

  it('refuses an empty namespace, an empty route and an invalid pattern', () => {
    const { rest } = createRestTestApp();
    const endpoint = { methods: 'GET', callback: () => 'x', permissionCallback: () => true } satisfies RouteEndpoint;
    expect(() => rest.registerRoute('/', '/things', endpoint)).toThrow(/namespaced/);
    expect(() => rest.registerRoute('acme/v1', '', endpoint)).toThrow(/must be specified/);
    expect(() => rest.registerRoute('acme/v1', '/things/(?P<id>[', endpoint)).toThrow(/not a valid pattern/);
    expect(rest.namespaces()).toEqual([]);
  });

  it('refuses an endpoint without a callback, and args that are not objects', () => {
    const { rest } = createRestTestApp();
    const withoutCallback = { methods: 'GET', permissionCallback: () => true } as unknown as Parameters<
      typeof rest.registerRoute
    >[2];
    expect(() => rest.registerRoute('acme/v1', '/a', withoutCallback)).toThrow(/without a callback/);
    const badArg = {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => 'x',
      args: { n: 'integer' },
    } as unknown as Parameters<typeof rest.registerRoute>[2];
    expect(() => rest.registerRoute('acme/v1', '/b', badArg)).toThrow(/"n"/);
  });

  it('lists namespaces in registration order, trimming slashes', () => {
    const { rest } = createRestTestApp();
    const endpoint = { methods: 'GET', callback: () => 'x', permissionCallback: () => true } satisfies RouteEndpoint;
    rest.registerRoute('/wc/v3/', 'a', endpoint);
    rest.registerRoute('wc/v2', 'b', endpoint);
    rest.registerRoute('wc/v3', 'c', endpoint);
    expect(rest.namespaces()).toEqual(['wc/v3', 'wc/v2']);
  });
});

describe('matching a request to a route', () => {
  function app() {
    const test = createRestTestApp();
    test.rest.registerRoute('wc/v2', '/customers/(?P<id>[\\d]+)', [
      {
        methods: 'GET',
        permissionCallback: () => true,
        callback: (request) => ({ got: request.urlParams.id, route: request.route }),
      },
      {
        methods: 'POST, PUT, PATCH',
        permissionCallback: () => true,
        callback: (request) => ({ edited: request.method }),
      },
    ]);
    return test;
  }

  it('passes named groups as URL parameters and records the matched route', async () => {
    const res = await app().http.get('/wp-json/wc/v2/customers/42');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ got: '42', route: '/wc/v2/customers/(?P<id>[\\d]+)' });
  });

  it('matches the whole path, case-insensitively, ignoring a trailing slash', async () => {
    const { http } = app();
    expect((await http.get('/wp-json/WC/V2/Customers/7')).body.got).toBe('7');
    expect((await http.get('/wp-json/wc/v2/customers/7/')).body.got).toBe('7');
    expect((await http.get('/wp-json/wc/v2/customers/7/extra')).body).toEqual(NO_ROUTE);
    expect((await http.get('/wp-json/wc/v2/customers/abc')).body).toEqual(NO_ROUTE);
  });

  it('accepts a comma-separated method list', async () => {
    const { http } = app();
    expect((await http.patch('/wp-json/wc/v2/customers/7')).body).toEqual({ edited: 'PATCH' });
  });

  it('answers rest_no_route (404, never 405) for an unknown path or a method the route lacks', async () => {
    const { http } = app();
    const unknown = await http.get('/wp-json/wc/v2/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(NO_ROUTE);
    const wrongMethod = await http.delete('/wp-json/wc/v2/customers/7');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body).toEqual(NO_ROUTE);
    expect((await http.get('/wp-json/nope/v1')).body).toEqual(NO_ROUTE);
  });

  it('serves HEAD with the GET endpoint, without a body', async () => {
    const res = await app().http.head('/wp-json/wc/v2/customers/9');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(res.text).toBeUndefined();
  });

  it('merges endpoints registered for the same route, keeping the first match per method', async () => {
    const test = app();
    test.rest.registerRoute('wc/v2', '/customers/(?P<id>[\\d]+)', {
      methods: ['DELETE', 'GET'],
      permissionCallback: () => true,
      callback: () => ({ deleted: true }),
    });
    expect((await test.http.delete('/wp-json/wc/v2/customers/1')).body).toEqual({ deleted: true });
    expect((await test.http.get('/wp-json/wc/v2/customers/1')).body.got).toBe('1');
  });

  it('tries later routes when an earlier matching route lacks the method', async () => {
    const test = createRestTestApp();
    const open = { permissionCallback: () => true };
    test.rest.registerRoute('acme/v1', '/items/(?P<slug>[\\w-]+)', {
      ...open,
      methods: 'GET',
      callback: () => 'by slug',
    });
    test.rest.registerRoute('acme/v1', '/items/(?P<id>\\d+)', { ...open, methods: 'DELETE', callback: () => 'by id' });
    expect((await test.http.delete('/wp-json/acme/v1/items/12')).body).toBe('by id');
    expect((await test.http.get('/wp-json/acme/v1/items/12')).body).toBe('by slug');
  });

  it('serves ?rest_route= at the site root and at /index.php', async () => {
    const { http } = app();
    expect((await http.get('/?rest_route=/wc/v2/customers/3')).body.got).toBe('3');
    expect((await http.get('/index.php?rest_route=%2Fwc%2Fv2%2Fcustomers%2F4')).body.got).toBe('4');
    const invalid = await http.get('/?rest_route[]=x');
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('rest_path_invalid_type');
  });

  it('URL-decodes the route once', async () => {
    expect((await app().http.get('/wp-json/wc/v2/customers/%35')).body.got).toBe('5');
  });

  it("refuses with the authenticator's error before routing, even for an unknown path", async () => {
    const test = app();
    test.rest.addAuthenticator(async () => {
      throw new RestError('bad_key', 'Bad key.', 401);
    });
    const res = await test.http.get('/wp-json/wc/v2/nothing');
    expect(res.body).toEqual({ code: 'bad_key', message: 'Bad key.', data: { status: 401 } });
  });
});
