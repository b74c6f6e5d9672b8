import { getEndpointArgsForItemSchema } from '../src/rest';
import type { JsonSchema, RouteArgs, RouteEndpoint } from '../src/rest/types';
import { bearerAdmin, createRestTestApp, loggedIn, TEST_SITE } from './helpers/restApp';
import { REFERENCE_OPTIONS_CUSTOMERS_BODY } from './helpers/restReference';

const referenceBody = REFERENCE_OPTIONS_CUSTOMERS_BODY;
const expected = JSON.parse(referenceBody) as {
  endpoints: Array<{ args: Record<string, Record<string, unknown>> }>;
  schema: JsonSchema;
};

/** The collection args as WooCommerce declares them, internal callbacks included. */
function collectionArgs(): RouteArgs {
  const args: RouteArgs = {};
  for (const [name, shown] of Object.entries(expected.endpoints[0].args)) {
    const { required: _required, ...schema } = shown;
    args[name] = { ...schema, validateCallback: () => true, sanitizeCallback: (value: unknown) => value };
  }
  return args;
}

/** WooCommerce's create args: the item schema's CREATABLE args, three overrides, and the WP 5.5 type fix for meta values. */
function createArgs(): RouteArgs {
  const privateSchema: JsonSchema = {
    ...expected.schema,
    properties: Object.fromEntries(
      Object.entries(expected.schema.properties ?? {}).map(([name, property]) =>
        ['first_name', 'last_name'].includes(name)
          ? [name, { ...property, arg_options: { sanitizeCallback: (value: unknown) => value } }]
          : [name, property],
      ),
    ),
  };
  const args = getEndpointArgsForItemSchema(privateSchema, 'POST');
  Object.assign(args, {
    email: { required: true, type: 'string', description: 'New user email address.' },
    username: { required: false, description: 'New user username.', type: 'string' },
    password: { required: false, description: 'New user password.', type: 'string' },
  });
  const meta = args.meta_data;
  const items = meta.items as JsonSchema;
  const properties = items.properties as Record<string, JsonSchema>;
  args.meta_data = {
    ...meta,
    items: {
      ...items,
      properties: {
        ...properties,
        value: { ...properties.value, type: ['null', 'object', 'string', 'number', 'boolean', 'integer', 'array'] },
      },
    },
  };
  return args;
}

function customersApp() {
  const test = createRestTestApp({ homeUrl: 'http://127.0.0.1:8080' });
  bearerAdmin(test.rest);
  test.rest.registerRoute(
    'wc/v2',
    '/customers',
    [
      { methods: 'GET', permissionCallback: () => true, args: collectionArgs(), callback: () => [] },
      { methods: 'POST', permissionCallback: loggedIn, args: createArgs, callback: () => ({}) },
    ],
    async () => expected.schema,
  );
  test.rest.registerRoute('wc/v2', '/customers/(?P<id>[\\d]+)', {
    methods: 'GET',
    permissionCallback: () => true,
    args: { id: { description: 'Unique identifier for the resource.', type: 'integer' } },
    callback: () => ({}),
  });
  return test;
}

describe('OPTIONS', () => {
  it('describes a route byte for byte as WordPress did', async () => {
    const res = await customersApp().http.options('/wp-json/wc/v2/customers').set('Authorization', 'Bearer admin');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, POST');
    expect(res.text).toBe(referenceBody);
  });

  it('needs no permission, and gives routes with variables no self link', async () => {
    const res = await customersApp().http.options('/wp-json/wc/v2/customers/5');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET');
    expect(res.body).toEqual({
      namespace: 'wc/v2',
      methods: ['GET'],
      endpoints: [
        {
          methods: ['GET'],
          args: { id: { description: 'Unique identifier for the resource.', type: 'integer', required: false } },
        },
      ],
    });
  });

  it('keeps a route’s schema when it is registered again without one, and takes a new one', async () => {
    const test = createRestTestApp();
    const endpoint = { methods: 'GET', permissionCallback: () => true, callback: () => [] } satisfies RouteEndpoint;
    test.rest.registerRoute('acme/v1', '/things', endpoint, { title: 'first' });
    test.rest.registerRoute('acme/v1', '/things', { ...endpoint, methods: 'POST' });
    expect((await test.http.options('/wp-json/acme/v1/things')).body).toMatchObject({
      methods: ['GET', 'POST'],
      schema: { title: 'first' },
    });
    test.rest.registerRoute('acme/v1', '/things', { ...endpoint, methods: 'PUT' }, { title: 'second' });
    expect((await test.http.options('/wp-json/acme/v1/things')).body.schema).toEqual({ title: 'second' });
  });

  it('answers an unknown path with an empty array, as WordPress does', async () => {
    const res = await customersApp().http.options('/wp-json/wc/v2/nothing');
    expect(res.status).toBe(200);
    expect(res.text).toBe('[]');
  });

  it('shows an endpoint without args as "args":[] and hides endpoints kept out of the index', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/things', [
      { methods: 'GET', permissionCallback: () => true, callback: () => [] },
      { methods: 'DELETE', permissionCallback: () => true, callback: () => [], showInIndex: false },
    ]);
    const res = await test.http.options('/wp-json/acme/v1/things');
    expect(res.text).toContain('"endpoints":[{"methods":["GET"],"args":[]}]');
    expect(res.body.methods).toEqual(['GET']);
    expect(res.headers.allow).toBe('GET, DELETE');
  });
});

describe('indexes', () => {
  it('GET /wp-json/ describes the site, its namespaces and every route', async () => {
    const res = await customersApp().http.get('/wp-json/');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET');
    const { routes, ...site } = res.body;
    expect(site).toEqual({
      ...TEST_SITE,
      namespaces: ['wc/v2'],
      authentication: {},
      _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
    });
    expect(Object.keys(routes)).toEqual(['/', '/wc/v2', '/wc/v2/customers', '/wc/v2/customers/(?P<id>[\\d]+)']);
    expect(routes['/']).toEqual({
      namespace: '',
      methods: ['GET'],
      endpoints: [{ methods: ['GET'], args: { context: { default: 'view', required: false } } }],
      _links: { self: [{ href: 'http://127.0.0.1:8080/wp-json/' }] },
    });
    expect(routes['/wc/v2/customers'].schema).toBeUndefined();
    expect(routes['/wc/v2/customers'].endpoints[1].args.email).toEqual({
      type: 'string',
      description: 'New user email address.',
      required: true,
    });
  });

  it('the index includes schemas with ?context=help and is filtered by rest_index', async () => {
    const test = customersApp();
    test.hooks.addFilter('rest_index', 'test/brand', (response) => {
      response.data.name = 'Filtered';
      return response;
    });
    const res = await test.http.get('/wp-json?context=help');
    expect(res.body.name).toBe('Filtered');
    expect(res.body.routes['/wc/v2/customers'].schema.title).toBe('customer');
  });

  it('the index follows _fields, adding its help link only when _links is wanted', async () => {
    const { http } = customersApp();
    expect((await http.get('/wp-json/?_fields=name')).body).toEqual({ name: 'Test Shop' });
    expect((await http.get('/wp-json/?_fields=name,_links')).body._links.help).toBeDefined();
    expect((await http.get('/wp-json/?_fields=name&_embed')).body._links.help).toBeDefined();
  });

  it('GET /wp-json/{namespace} lists the namespace’s routes and links up to the index', async () => {
    const res = await customersApp().http.get('/wp-json/wc/v2');
    expect(res.status).toBe(200);
    expect(res.body.namespace).toBe('wc/v2');
    expect(Object.keys(res.body.routes)).toEqual(['/wc/v2', '/wc/v2/customers', '/wc/v2/customers/(?P<id>[\\d]+)']);
    expect(res.body._links).toEqual({ up: [{ href: 'http://127.0.0.1:8080/wp-json/' }] });
  });

  it('a namespace index asked for another, unknown namespace answers rest_invalid_namespace', async () => {
    const res = await customersApp().http.get('/wp-json/wc/v2?namespace=nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('rest_invalid_namespace');
  });
});
