import { RestError, RestRequest, RestResponse } from '../src/rest';
import type { RouteHandler } from '../src/rest/types';
import { createRestTestApp, loggedIn } from './helpers/restApp';

function app() {
  const test = createRestTestApp();
  test.rest.registerRoute('acme/v1', '/things/(?P<id>\\d+)', {
    methods: 'GET',
    permissionCallback: loggedIn,
    args: { id: { type: 'integer' } },
    callback: (request) => ({ id: request.param('id') }),
  });
  return test;
}

describe('authenticators', () => {
  it('run in order until one sets the user', async () => {
    const test = app();
    const calls: string[] = [];
    test.rest.addAuthenticator(async () => {
      calls.push('first');
    });
    test.rest.addAuthenticator(async (request) => {
      calls.push('second');
      request.user = { id: 2, login: 'jo', email: 'jo@example.com', roles: ['customer'], allcaps: {} };
    });
    test.rest.addAuthenticator(async () => {
      calls.push('third');
    });
    expect((await test.http.get('/wp-json/acme/v1/things/1')).status).toBe(200);
    expect(calls).toEqual(['first', 'second']);
  });

  it('refuse a request before validation and routing by throwing a RestError', async () => {
    const test = app();
    test.rest.addAuthenticator(async () => {
      throw new RestError('woocommerce_rest_authentication_error', 'Consumer key is invalid.', 401);
    });
    const res = await test.http.get('/wp-json/acme/v1/things/abc?id=x');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'Consumer key is invalid.',
      data: { status: 401 },
    });
    expect(res.headers.allow).toBeUndefined();
  });
});

it('an authenticator that crashes gives a logged 500', async () => {
  const test = app();
  test.rest.addAuthenticator(async () => {
    throw new TypeError('auth bug');
  });
  const res = await test.http.get('/wp-json/acme/v1/things/1');
  expect(res.status).toBe(500);
  expect(res.body.code).toBe('internal_server_error');
  expect(test.errors[0].fields?.error).toContain('auth bug');
});

describe('pipeline hooks', () => {
  it('rest_pre_dispatch can answer instead of the route', async () => {
    const test = app();
    test.hooks.addFilter('rest_pre_dispatch', 'test/cache', (value: unknown, _server: unknown, request: RestRequest) =>
      request.path === '/acme/v1/things/1' ? new RestResponse({ cached: true }, 203) : value,
    );
    const cached = await test.http.get('/wp-json/acme/v1/things/1');
    expect(cached.status).toBe(203);
    expect(cached.body).toEqual({ cached: true });
    expect((await test.http.get('/wp-json/acme/v1/things/2')).status).toBe(401);
  });

  it('rest_request_before_callbacks sees the validation error and can refuse; after_callbacks can change the result', async () => {
    const test = app();
    const seen: unknown[] = [];
    test.hooks.addFilter('rest_request_before_callbacks', 'test/guard', (value: unknown, handler: RouteHandler) => {
      seen.push(value instanceof RestError ? value.code : value, handler.route);
      return new RestError('maintenance', 'Down for maintenance.', 503);
    });
    test.hooks.addFilter('rest_request_after_callbacks', 'test/after', (value: unknown) =>
      value instanceof RestError ? new RestError(`${value.code}_after`, value.message, value.status) : value,
    );
    const res = await test.http.get('/wp-json/acme/v1/things/1?id=x');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('maintenance_after');
    expect(seen).toEqual(['rest_invalid_param', '/acme/v1/things/(?P<id>\\d+)']);
  });

  it('rest_post_dispatch sees every response, errors included', async () => {
    const test = app();
    test.hooks.addFilter('rest_post_dispatch', 'test/stamp', (response: RestResponse) =>
      response.header('X-Stamp', String(response.status)),
    );
    expect((await test.http.get('/wp-json/acme/v1/things/1')).headers['x-stamp']).toBe('401');
    expect((await test.http.get('/wp-json/nowhere')).headers['x-stamp']).toBe('404');
  });

  it('a hook that throws a RestError refuses the request; any other throw is a logged 500', async () => {
    const test = app();
    test.hooks.addFilter(
      'rest_pre_dispatch',
      'test/refuse',
      (value: unknown, _server: unknown, request: RestRequest) => {
        if (request.query.refuse) throw new RestError('refused', 'Refused.', 429);
        if (request.query.crash) throw new Error('hook bug');
        return value;
      },
    );
    expect((await test.http.get('/wp-json/acme/v1/things/1?refuse=1')).status).toBe(429);
    const crash = await test.http.get('/wp-json/acme/v1/things/1?crash=1');
    expect(crash.status).toBe(500);
    expect(test.errors).toHaveLength(1);
  });
});

describe('dispatch and handle without HTTP', () => {
  it('dispatch validates, checks permissions and keeps links out of the data (rest_do_request)', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/item', {
      methods: 'GET',
      permissionCallback: () => true,
      args: { n: { type: 'integer', required: true } },
      callback: (request) =>
        new RestResponse({ n: request.param('n') }).addLink('self', request.restUrl('/acme/v1/item')),
    });
    const ok = await test.rest.dispatch(
      new RestRequest({ method: 'GET', path: '/acme/v1/item', query: { n: '3' }, restRoot: 'http://x/wp-json' }),
    );
    expect(ok.data).toEqual({ n: 3 });
    expect(ok.links).toEqual({ self: [{ href: 'http://x/wp-json/acme/v1/item' }] });
    const missing = await test.rest.dispatch(new RestRequest({ method: 'GET', path: '/acme/v1/item' }));
    expect(missing.status).toBe(400);
  });

  it('handle folds links into list or empty data as PHP would', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/list', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse(['a']).addLink('up', 'http://x/'),
    });
    test.rest.registerRoute('acme/v1', '/none', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse(null).addLink('up', 'http://x/'),
    });
    const list = await test.rest.handle(new RestRequest({ method: 'GET', path: '/acme/v1/list' }));
    expect(list.data).toEqual({ 0: 'a', _links: { up: [{ href: 'http://x/' }] } });
    const none = await test.rest.handle(new RestRequest({ method: 'GET', path: '/acme/v1/none' }));
    expect(none.data).toEqual({ _links: { up: [{ href: 'http://x/' }] } });
    expect(none.headers.Link).toBeUndefined();
  });

  it('handle returns the final status, headers and data', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/item', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse({ a: 1 }).addLink('self', 'http://x/wp-json/acme/v1/item'),
    });
    const response = await test.rest.handle(
      new RestRequest({ method: 'GET', path: '/acme/v1/item', restRoot: 'http://x/wp-json' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.Allow).toBe('GET');
    expect(response.data).toEqual({ a: 1, _links: { self: [{ href: 'http://x/wp-json/acme/v1/item' }] } });
  });
});
