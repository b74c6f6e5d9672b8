import { parseQuery } from '../src/rest/php/parseStr';
import { createRestTestApp } from './helpers/restApp';

/** A route that echoes what the callback sees. */
function echoApp(args = {}) {
  const test = createRestTestApp();
  test.rest.registerRoute('acme/v1', '/echo/(?P<id>\\d+)', {
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    permissionCallback: () => true,
    args: { level: { default: 'from-defaults' }, ...args },
    callback: (request) => ({
      id: request.param('id'),
      level: request.param('level'),
      query: request.query,
      body: request.body,
    }),
  });
  return test;
}

describe('parameter priority', () => {
  it('JSON body beats form body, query, URL and defaults', async () => {
    const { http } = echoApp();
    expect((await http.get('/wp-json/acme/v1/echo/1')).body.level).toBe('from-defaults');
    expect((await http.get('/wp-json/acme/v1/echo/1?level=query')).body.level).toBe('query');
    expect((await http.put('/wp-json/acme/v1/echo/1?level=query').type('form').send('level=form')).body.level).toBe(
      'form',
    );
    const json = await http.put('/wp-json/acme/v1/echo/1?level=query&id=2').send({ level: 'json', id: 3 });
    expect(json.body.level).toBe('json');
    expect(json.body.id).toBe(3);
  });

  it('the query beats the URL parameters', async () => {
    expect((await echoApp().http.get('/wp-json/acme/v1/echo/1?id=9')).body.id).toBe('9');
  });

  it('ignores a form body on GET, and parses a DELETE body without a content type as a form', async () => {
    const { http } = echoApp();
    expect((await http.get('/wp-json/acme/v1/echo/1').type('form').send('level=form')).body.level).toBe(
      'from-defaults',
    );
    const del = await http.delete('/wp-json/acme/v1/echo/1').set('Content-Type', '').send('level=deleted');
    expect(del.body.level).toBe('deleted');
  });
});

describe('query strings parsed as PHP parses $_GET', () => {
  it('lets the last duplicate win, decodes + and %XX, builds lists and nested objects', async () => {
    const res = await echoApp().http.get('/wp-json/acme/v1/echo/1?a=1&a=2&s=john+doe%21&l[]=x&l[]=y&o[b][c]=d&e');
    expect(res.body.query).toEqual({ a: '2', s: 'john doe!', l: ['x', 'y'], o: { b: { c: 'd' } }, e: '' });
  });

  it('turns spaces and dots in names into underscores, and keeps indexed keys in order', () => {
    expect(parseQuery('a.b=1&c d=2&%20e=3')).toEqual({ a_b: '1', c_d: '2', e: '3' });
    expect(parseQuery('x[2]=a&x[]=b')).toEqual({ x: { 2: 'a', 3: 'b' } });
    expect(parseQuery('x[0]=a&x[1]=b')).toEqual({ x: ['a', 'b'] });
    expect(parseQuery('a[b=1&c[d]e=2&f[g][h=3')).toEqual({ a_b: '1', c: { d: '2' }, f: { g: '3' } });
    expect(parseQuery('bad=%E0%A4%A&ok=%zz')).toEqual({ bad: '\ufffd%A', ok: '%zz' });
  });

  it('stops after PHP’s max_input_vars', () => {
    const many = Array.from({ length: 1005 }, (_, i) => `v${i}=1`).join('&');
    expect(Object.keys(parseQuery(many, { maxVars: 1000 }))).toHaveLength(1000);
  });

  it('parses form bodies the same way', async () => {
    const res = await echoApp().http.post('/wp-json/acme/v1/echo/1').type('form').send('a=1&a=2&n[x]=y+z');
    expect(res.body.body).toEqual({ a: '2', n: { x: 'y z' } });
  });
});

describe('JSON bodies', () => {
  it('answers rest_invalid_json with PHP’s json_last_error code and message, after routing', async () => {
    const { http } = echoApp();
    const res = await http.post('/wp-json/acme/v1/echo/1').set('Content-Type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'rest_invalid_json',
      message: 'Invalid JSON body passed.',
      data: { status: 400, json_error_code: 4, json_error_message: 'Syntax error' },
    });
    const noRoute = await http.post('/wp-json/acme/v1/missing').set('Content-Type', 'application/json').send('{"a":');
    expect(noRoute.body.code).toBe('rest_no_route');
  });

  it('reports the PHP codes for control characters, lone surrogates and excessive depth', async () => {
    const { http } = echoApp();
    const post = (body: string) =>
      http.post('/wp-json/acme/v1/echo/1').set('Content-Type', 'application/json').send(body);
    expect((await post('{"a":"x\u0001"}')).body.data).toMatchObject({
      json_error_code: 3,
      json_error_message: 'Control character error, possibly incorrectly encoded',
    });
    expect((await post('{"a":"\\ud800"}')).body.data).toMatchObject({ json_error_code: 10 });
    expect((await post(`${'['.repeat(513)}${']'.repeat(513)}`)).body.data).toMatchObject({
      json_error_code: 1,
      json_error_message: 'Maximum stack depth exceeded',
    });
    expect((await post(`${'['.repeat(512)}${']'.repeat(512)}`)).status).toBe(200);
    expect((await post('{"a":"\\ud83d\\ude00"}')).status).toBe(200);
  });

  it('only parses JSON content types, and accepts an empty body', async () => {
    const { http } = echoApp();
    expect((await http.post('/wp-json/acme/v1/echo/1').set('Content-Type', 'text/plain').send('{"a":')).status).toBe(
      200,
    );
    expect((await http.post('/wp-json/acme/v1/echo/1').set('Content-Type', 'application/json').send('')).status).toBe(
      200,
    );
    const vendor = await http
      .post('/wp-json/acme/v1/echo/1')
      .set('Content-Type', 'application/vnd.api+json; charset=utf-8')
      .send('{"level":"vnd"}');
    expect(vendor.body.level).toBe('vnd');
  });
});

it('treats valid JSON that is not an object as a body without parameters', async () => {
  const res = await echoApp()
    .http.post('/wp-json/acme/v1/echo/1')
    .set('Content-Type', 'application/json')
    .send('[1,2]');
  expect(res.status).toBe(200);
  expect(res.body.body).toEqual({});
});

it('gives each request its own copy of array and object defaults', async () => {
  const test = createRestTestApp();
  test.rest.registerRoute('acme/v1', '/defaults', {
    methods: 'GET',
    permissionCallback: () => true,
    args: { list: { default: [] }, map: { default: {} } },
    callback: (request) => {
      (request.param('list') as unknown[]).push('leak');
      (request.param('map') as Record<string, unknown>).leak = true;
      return { list: request.param('list'), map: request.param('map') };
    },
  });
  await test.http.get('/wp-json/acme/v1/defaults');
  expect((await test.http.get('/wp-json/acme/v1/defaults')).body).toEqual({ list: ['leak'], map: { leak: true } });
});

describe('coercion of validated arguments', () => {
  it('sanitizes every source by the schema before the callback runs', async () => {
    const { http } = echoApp({
      id: { type: 'integer' },
      flag: { type: 'boolean' },
      list: { type: 'array', items: { type: 'integer' } },
    });
    const res = await http.get('/wp-json/acme/v1/echo/5?flag=false&list=1,2,3');
    expect(res.body.id).toBe(5);
    expect(res.body.query).toEqual({ flag: false, list: [1, 2, 3] });
  });

  it('leaves arguments without a type as sent (WordPress only sanitizes typed arguments by default)', async () => {
    const { http } = echoApp({ note: { format: 'text-field' } });
    expect((await http.get('/wp-json/acme/v1/echo/5?note=%20a%3Cb%3E%20')).body.query).toEqual({ note: ' a<b> ' });
  });
});
