import { RestError, RestResponse } from '../src/rest';
import { ADMIN, bearerAdmin, createRestTestApp, loggedIn } from './helpers/restApp';

/** A customers-like API: anyone may read, only a logged-in user may write. */
function shop() {
  const test = createRestTestApp({ homeUrl: 'http://127.0.0.1:8080' });
  bearerAdmin(test.rest);
  test.rest.registerRoute('wc/v2', '/customers', [
    { methods: 'GET', permissionCallback: () => true, callback: () => [customer(4), customer(5)] },
    {
      methods: 'POST',
      permissionCallback: loggedIn,
      callback: () =>
        new RestResponse(customer(6), 201, { Location: 'http://127.0.0.1:8080/wp-json/wc/v2/customers/6' }),
    },
  ]);
  test.rest.registerRoute('wc/v2', '/customers/(?P<id>[\\d]+)', [
    { methods: 'GET', permissionCallback: () => true, callback: (request) => single(Number(request.param('id'))) },
    { methods: 'POST, PUT, PATCH', permissionCallback: loggedIn, callback: (request) => ({ method: request.method }) },
    { methods: 'DELETE', permissionCallback: loggedIn, callback: () => ({ deleted: true }) },
  ]);
  return test;
}

function customer(id: number) {
  return {
    id,
    name: 'João',
    billing: { city: 'São Paulo', email: 'j@example.com' },
    _links: { self: [{ href: `http://127.0.0.1:8080/wp-json/wc/v2/customers/${id}` }] },
  };
}

function single(id: number): RestResponse {
  const { _links: _ignored, ...data } = customer(id);
  const response = new RestResponse(data);
  response.addLink('self', `http://127.0.0.1:8080/wp-json/wc/v2/customers/${id}`);
  response.addLink('collection', 'http://127.0.0.1:8080/wp-json/wc/v2/customers', { embeddable: true });
  return response;
}

describe('headers on every REST response', () => {
  it('sends WordPress’s server headers, in WordPress’s order', async () => {
    const res = await shop().http.get('/wp-json/wc/v2/customers/4');
    const names = Object.keys(res.headers).filter((name) => !['date', 'connection', 'content-length'].includes(name));
    expect(names).toEqual([
      'content-type',
      'x-robots-tag',
      'link',
      'x-content-type-options',
      'access-control-expose-headers',
      'access-control-allow-headers',
      'allow',
      'vary',
    ]);
    expect(res.headers).toMatchObject({
      'content-type': 'application/json; charset=UTF-8',
      link: '<http://127.0.0.1:8080/wp-json/>; rel="https://api.w.org/"',
      'x-content-type-options': 'nosniff',
      'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link',
      'access-control-allow-headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    });
  });

  it('sends them on errors too', async () => {
    const res = await shop().http.get('/wp-json/nothing');
    expect(res.status).toBe(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.allow).toBeUndefined();
  });

  it('adds no-cache headers for an authenticated requester, and Vary: Origin for anonymous GETs', async () => {
    const { http } = shop();
    const admin = await http.get('/wp-json/wc/v2/customers/4').set('Authorization', 'Bearer admin');
    expect(admin.headers.expires).toBe('Wed, 11 Jan 1984 05:00:00 GMT');
    expect(admin.headers['cache-control']).toBe('no-cache, must-revalidate, max-age=0, no-store, private');
    expect(admin.headers.vary).toBeUndefined();
    const anonymous = await http.get('/wp-json/wc/v2/customers/4');
    expect(anonymous.headers['cache-control']).toBeUndefined();
    expect(anonymous.headers.vary).toBe('Origin');
  });

  it('echoes an Origin with WordPress’s CORS headers', async () => {
    const res = await shop().http.get('/wp-json/wc/v2/customers/4').set('Origin', 'https://app.example');
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'OPTIONS, GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
  });

  it('echoes "null" origins, blanks origins sanitize_url would reject, and adds to an existing Vary', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/vary', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse('x', 200, { Vary: 'Accept' }),
    });
    expect(
      (await test.http.get('/wp-json/acme/v1/vary').set('Origin', 'null')).headers['access-control-allow-origin'],
    ).toBe('null');
    expect(
      (await test.http.get('/wp-json/acme/v1/vary').set('Origin', 'javascript:alert(1)')).headers[
        'access-control-allow-origin'
      ],
    ).toBe('');
    expect((await test.http.get('/wp-json/acme/v1/vary')).headers.vary).toBe('Accept, Origin');
  });

  it('drops a Last-Modified header from authenticated responses', async () => {
    const test = createRestTestApp();
    bearerAdmin(test.rest);
    test.rest.registerRoute('acme/v1', '/dated', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse('x', 200, { 'Last-Modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }),
    });
    expect((await test.http.get('/wp-json/acme/v1/dated')).headers['last-modified']).toBeDefined();
    expect(
      (await test.http.get('/wp-json/acme/v1/dated').set('Authorization', 'Bearer admin')).headers['last-modified'],
    ).toBeUndefined();
  });

  it('folds whitespace in header values, drops values Node refuses, and turns an impossible status into 500', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/odd', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse('x', 200, { 'X-Folded': 'a\r\n  b', 'X-Bad': 'nul\u0000' }),
    });
    test.rest.registerRoute('acme/v1', '/status', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse('x', 42),
    });
    const odd = await test.http.get('/wp-json/acme/v1/odd');
    expect(odd.headers['x-folded']).toBe('a b');
    expect(odd.headers['x-bad']).toBeUndefined();
    expect((await test.http.get('/wp-json/acme/v1/status')).status).toBe(500);
  });
});

describe('the Allow header', () => {
  it('lists the methods whose permission callback allows this requester', async () => {
    const { http } = shop();
    expect((await http.get('/wp-json/wc/v2/customers/4').set('Authorization', 'Bearer admin')).headers.allow).toBe(
      'GET, POST, PUT, PATCH, DELETE',
    );
    expect((await http.get('/wp-json/wc/v2/customers/4')).headers.allow).toBe('GET');
    expect((await http.get('/wp-json/wc/v2/customers').set('Authorization', 'Bearer admin')).headers.allow).toBe(
      'GET, POST',
    );
  });

  it('is absent when no method is allowed, and ignores callbacks that throw', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/private', [
      { methods: 'GET', permissionCallback: loggedIn, callback: () => 'x' },
      {
        methods: 'POST',
        permissionCallback: () => {
          throw new RestError('nope', 'Nope.', 403);
        },
        callback: () => 'x',
      },
      {
        methods: 'PUT',
        permissionCallback: () => {
          throw new Error('boom');
        },
        callback: () => 'x',
      },
    ]);
    const res = await test.http.get('/wp-json/acme/v1/private');
    expect(res.status).toBe(401);
    expect(res.headers.allow).toBeUndefined();
    expect(test.errors).toHaveLength(1);
  });
});

describe('permission and callback failures', () => {
  it('answers rest_forbidden with 401 for anonymous and 403 for a logged-in requester', async () => {
    const test = createRestTestApp();
    bearerAdmin(test.rest);
    test.rest.registerRoute('acme/v1', '/admin-only', {
      methods: 'GET',
      permissionCallback: (request) => request.user?.id === 99,
      callback: () => 'x',
    });
    const anonymous = await test.http.get('/wp-json/acme/v1/admin-only');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({
      code: 'rest_forbidden',
      message: 'Sorry, you are not allowed to do that.',
      data: { status: 401 },
    });
    const admin = await test.http.get('/wp-json/acme/v1/admin-only').set('Authorization', 'Bearer admin');
    expect(admin.status).toBe(403);
    expect(admin.body.data.status).toBe(403);
  });

  it('answers a RestError thrown by a permission callback or route callback as it is', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/a', {
      methods: 'GET',
      permissionCallback: () => {
        throw new RestError('woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.', 401);
      },
      callback: () => 'x',
    });
    test.rest.registerRoute('acme/v1', '/b', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => {
        throw new RestError('wc_user_invalid_id', 'Invalid user ID.', 404, { extra: 1 });
      },
    });
    expect((await test.http.get('/wp-json/acme/v1/a')).text).toBe(
      '{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}',
    );
    const b = await test.http.get('/wp-json/acme/v1/b');
    expect(b.status).toBe(404);
    expect(b.body).toEqual({
      code: 'wc_user_invalid_id',
      message: 'Invalid user ID.',
      data: { status: 404, extra: 1 },
    });
  });

  it('turns any other exception into a generic 500, logging the stack without sending it', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/crash', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => {
        throw new Error('secret db password in message');
      },
    });
    const res = await test.http.get('/wp-json/acme/v1/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      code: 'internal_server_error',
      message: 'There has been a critical error on this website.',
      data: { status: 500 },
    });
    expect(res.text).not.toContain('secret');
    expect(test.errors[0].fields?.error).toContain('secret db password in message');
    expect(String(test.errors[0].fields?.error)).toContain('at ');
  });

  it('sends no body for null data or 204', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/nothing', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => null,
    });
    test.rest.registerRoute('acme/v1', '/empty', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => new RestResponse({ a: 1 }, 204),
    });
    expect((await test.http.get('/wp-json/acme/v1/nothing')).text).toBe('');
    expect((await test.http.get('/wp-json/acme/v1/empty')).status).toBe(204);
  });
});

describe('JSON bytes', () => {
  it('escapes slashes and non-ASCII characters as PHP’s json_encode does', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/text', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => ({
        url: 'http://a/b',
        name: 'João',
        emoji: '😀',
        html: '<a href="x">&</a>',
        line: 'a\u2028b\n\u0001',
        n: 1.5,
      }),
    });
    expect((await test.http.get('/wp-json/acme/v1/text')).text).toBe(
      '{"url":"http:\\/\\/a\\/b","name":"Jo\\u00e3o","emoji":"\\ud83d\\ude00","html":"<a href=\\"x\\">&<\\/a>","line":"a\\u2028b\\n\\u0001","n":1.5}',
    );
  });

  it('pretty-prints with ?_pretty', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/text', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => ({ a: [1] }),
    });
    expect((await test.http.get('/wp-json/acme/v1/text?_pretty')).text).toBe('{\n    "a": [\n        1\n    ]\n}');
  });

  it('adds links as `_links` after the data, attributes before href', async () => {
    const res = await shop().http.get('/wp-json/wc/v2/customers/4');
    expect(res.text).toBe(
      '{"id":4,"name":"Jo\\u00e3o","billing":{"city":"S\\u00e3o Paulo","email":"j@example.com"},"_links":{"self":[{"href":"http:\\/\\/127.0.0.1:8080\\/wp-json\\/wc\\/v2\\/customers\\/4"}],"collection":[{"embeddable":true,"href":"http:\\/\\/127.0.0.1:8080\\/wp-json\\/wc\\/v2\\/customers"}]}}',
    );
  });
});

describe('global parameters', () => {
  it('_fields cuts a single object down (nested with dots) and keeps its links', async () => {
    const res = await shop().http.get('/wp-json/wc/v2/customers/4?_fields=id,billing.city,nope');
    expect(res.body).toEqual({ id: 4, billing: { city: 'São Paulo' }, _links: expect.any(Object) });
  });

  it('_fields applies to each collection item, dropping their _links unless asked', async () => {
    const { http } = shop();
    expect((await http.get('/wp-json/wc/v2/customers?_fields=id')).body).toEqual([{ id: 4 }, { id: 5 }]);
    const withLinks = await http.get('/wp-json/wc/v2/customers?_fields[]=id&_fields[]=_links');
    expect(withLinks.body[0]).toEqual({
      id: 4,
      _links: { self: [{ href: 'http://127.0.0.1:8080/wp-json/wc/v2/customers/4' }] },
    });
  });

  it('_fields leaves errors whole, and stops at a sub-field of a field already taken whole (as WordPress)', async () => {
    const { http } = shop();
    expect((await http.get('/wp-json/wc/v2/nothing?_fields=code')).body.message).toBeDefined();
    expect((await http.get('/wp-json/wc/v2/customers/4?_fields=billing,billing.city,id')).body).toEqual({
      billing: { city: 'São Paulo', email: 'j@example.com' },
      _links: expect.any(Object),
    });
  });

  it('_envelope moves status and headers into a 200 body', async () => {
    const res = await shop().http.post('/wp-json/wc/v2/customers?_envelope').set('Authorization', 'Bearer admin');
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toEqual({
      body: customer(6),
      status: 201,
      headers: { Location: 'http://127.0.0.1:8080/wp-json/wc/v2/customers/6', Allow: 'GET, POST' },
    });
    const error = await shop().http.get('/wp-json/nothing?_envelope=1');
    expect(error.status).toBe(200);
    expect(error.text).toBe(
      '{"body":{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}},"status":404,"headers":[]}',
    );
  });

  it('_jsonp wraps the body for a valid callback and refuses an invalid one before anything runs', async () => {
    const { http } = shop();
    const res = await http.get('/wp-json/wc/v2/customers/4?_fields=id&_jsonp=jQuery.cb_1');
    expect(res.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(res.text).toMatch(/^\/\*\*\/jQuery\.cb_1\(\{"id":4,"_links":/);
    const bad = await http.get('/wp-json/wc/v2/customers/4?_jsonp=alert(1)');
    expect(bad.status).toBe(400);
    expect(bad.text).toBe('{"code":"rest_callback_invalid","message":"Invalid JSONP callback function."}');
    expect(bad.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('_jsonp can be disabled with the rest_jsonp_enabled filter', async () => {
    const test = shop();
    test.hooks.addFilter('rest_jsonp_enabled', 'test/off', () => false);
    const res = await test.http.get('/wp-json/wc/v2/customers/4?_jsonp=cb');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(res.body).toEqual({ code: 'rest_callback_disabled', message: 'JSONP support is disabled on this site.' });
  });

  it('?_method and X-HTTP-Method-Override turn a POST into another method', async () => {
    const { http } = shop();
    const auth = { Authorization: 'Bearer admin' };
    expect((await http.post('/wp-json/wc/v2/customers/4?_method=delete').set(auth)).body).toEqual({ deleted: true });
    expect(
      (await http.post('/wp-json/wc/v2/customers/4').set(auth).set('X-HTTP-Method-Override', 'PATCH')).body,
    ).toEqual({ method: 'PATCH' });
  });

  it('ignores method overrides on anything but POST', async () => {
    const { http } = shop();
    const res = await http.get('/wp-json/wc/v2/customers/4?_method=DELETE').set('Authorization', 'Bearer admin');
    expect(res.body.id).toBe(4);
  });

  it('sends no-cache headers when a header override ends in a client error', async () => {
    const res = await shop().http.post('/wp-json/wc/v2/customers').set('X-HTTP-Method-Override', 'DELETE');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate, max-age=0, no-store, private');
  });
});

it('exposes the logged-in user to callbacks', async () => {
  const test = createRestTestApp();
  bearerAdmin(test.rest);
  test.rest.registerRoute('acme/v1', '/me', {
    methods: 'GET',
    permissionCallback: loggedIn,
    callback: (request) => request.user,
  });
  expect((await test.http.get('/wp-json/acme/v1/me').set('Authorization', 'Bearer admin')).body).toEqual(ADMIN);
});
