import { RestError, SchemaError, sanitizeValueFromSchema, validateValueFromSchema } from '../src/rest';
import type { JsonSchema, RouteArgs } from '../src/rest/types';
import { createRestTestApp } from './helpers/restApp';

/** The message of the first problem, or true. */
function check(value: unknown, schema: JsonSchema, param = 'p'): true | string {
  const result = validateValueFromSchema(value, schema, param);
  return result === true ? true : result.message;
}

function code(value: unknown, schema: JsonSchema): string | true {
  const result = validateValueFromSchema(value, schema, 'p');
  return result === true ? true : result.code;
}

describe('validateValueFromSchema (WordPress 6.x wording)', () => {
  it('checks integers, numbers and their bounds', () => {
    const perPage: JsonSchema = { type: 'integer', minimum: 1, maximum: 100 };
    expect(check('5', perPage, 'per_page')).toBe(true);
    expect(check(0, perPage, 'per_page')).toBe('per_page must be between 1 (inclusive) and 100 (inclusive)');
    expect(code(1000, perPage)).toBe('rest_out_of_bounds');
    expect(check('abc', perPage, 'per_page')).toBe('per_page is not of type integer.');
    expect(check('1.5', { type: 'integer' }, 'x')).toBe('x is not of type integer.');
    expect(check('2.0', { type: 'integer' })).toBe(true);
    expect(check(0, { type: 'integer', minimum: 1 }, 'page')).toBe('page must be greater than or equal to 1');
    expect(check(1, { type: 'integer', minimum: 1, exclusiveMinimum: true })).toBe('p must be greater than 1');
    expect(check(9, { type: 'number', maximum: 5 })).toBe('p must be less than or equal to 5');
    expect(check(5, { type: 'number', maximum: 5, exclusiveMaximum: true })).toBe('p must be less than 5');
    expect(check(5, { type: 'number', minimum: 1, maximum: 5, exclusiveMaximum: true })).toBe(
      'p must be between 1 (inclusive) and 5 (exclusive)',
    );
    expect(check(1, { type: 'number', minimum: 1, maximum: 5, exclusiveMinimum: true })).toBe(
      'p must be between 1 (exclusive) and 5 (inclusive)',
    );
    expect(check(' 12 ', { type: 'number' })).toBe(true);
    expect(check(true, { type: 'number' })).toBe('p is not of type number.');
    expect(check(7, { type: 'integer', multipleOf: 5 })).toBe('p must be a multiple of 5.');
  });

  it('checks enums with WordPress’s list wording', () => {
    const orderby: JsonSchema = { type: 'string', enum: ['id', 'include', 'name', 'registered_date'] };
    expect(check('bogus', orderby, 'orderby')).toBe('orderby is not one of id, include, name, and registered_date.');
    expect(check('desc!', { type: 'string', enum: ['asc', 'desc'] }, 'order')).toBe(
      'order is not one of asc and desc.',
    );
    expect(check('x', { type: 'string', enum: ['only'] })).toBe('p is not only.');
    expect(code('x', orderby)).toBe('rest_not_in_enum');
    expect(check('2', { type: 'integer', enum: [1, 2] })).toBe(true);
    expect(check('ASC', { type: 'string', enum: ['asc', 'desc'] })).toBe('p is not one of asc and desc.');
  });

  it('checks strings, booleans, null and formats', () => {
    expect(check(5, { type: 'string' })).toBe('p is not of type string.');
    expect(check('ab', { type: 'string', minLength: 3 })).toBe('p must be at least 3 characters long.');
    expect(check('abcd', { type: 'string', maxLength: 1 })).toBe('p must be at most 1 character long.');
    expect(check('日本', { type: 'string', maxLength: 2 })).toBe(true);
    expect(check('abc', { type: 'string', pattern: '^\\d+$' })).toBe('p does not match pattern ^\\d+$.');
    expect(check('TRUE', { type: 'boolean' })).toBe(true);
    expect(check('yes', { type: 'boolean' })).toBe('p is not of type boolean.');
    expect(check('', { type: 'null' })).toBe('p is not of type null.');
    expect(check('2024-01-02T03:04:05', { type: 'string', format: 'date-time' })).toBe(true);
    expect(check('2024-13-02T03:04:05', { type: 'string', format: 'date-time' })).toBe('Invalid date.');
    expect(check('10.0.0.300', { type: 'string', format: 'ip' })).toBe('p is not a valid IP address.');
    expect(check('::1', { type: 'string', format: 'ip' })).toBe(true);
    expect(check('#abc', { type: 'string', format: 'hex-color' })).toBe(true);
    expect(check('abc', { type: 'string', format: 'uuid' })).toBe('p is not a valid UUID.');
  });

  it('checks email addresses as is_email does', () => {
    const email: JsonSchema = { type: 'string', format: 'email' };
    for (const valid of ['john.doe@example.com', "o'neil+tag@sub.example.co", 'a@b.cd'])
      expect(check(valid, email)).toBe(true);
    for (const invalid of [
      '',
      'a@b.c',
      'not-an-email',
      '@example.com',
      'jo hn@example.com',
      'john@example..com',
      'john@.example.com',
      'john@example',
      'john@-example.com',
      'john@exa_mple.com',
    ]) {
      expect([invalid, check(invalid, email)]).toEqual([invalid, 'Invalid email address.']);
    }
    expect(code('x', email)).toBe('rest_invalid_email');
  });

  it('walks objects and arrays, naming nested parameters', () => {
    const billing: JsonSchema = {
      type: 'object',
      properties: { first_name: { type: 'string' }, email: { type: 'string', format: 'email' } },
    };
    expect(check({ first_name: 5 }, billing, 'billing')).toBe('billing[first_name] is not of type string.');
    expect(check({ other: 5 }, billing)).toBe(true);
    expect(check('', billing)).toBe(true);
    expect(check('x', billing, 'billing')).toBe('billing is not of type object.');
    expect(check({ other: 1 }, { ...billing, additionalProperties: false })).toBe(
      'other is not a valid property of Object.',
    );
    expect(check({ a: 'x' }, { type: 'object', additionalProperties: { type: 'integer' } })).toBe(
      'p[a] is not of type integer.',
    );
    expect(check({}, { type: 'object', properties: { k: { type: 'string', required: true } } })).toBe(
      'k is a required property of p.',
    );
    expect(check({}, { type: 'object', required: ['k'] })).toBe('k is a required property of p.');
    const ids: JsonSchema = { type: 'array', items: { type: 'integer' } };
    expect(check('1,2, 3', ids)).toBe(true);
    expect(check('1,x', ids, 'include')).toBe('include[1] is not of type integer.');
    expect(check({ a: 1 }, ids)).toBe('p is not of type array.');
    expect(check([1, 1], { ...ids, uniqueItems: true })).toBe('p has duplicate items.');
    expect(check([], { ...ids, minItems: 1 })).toBe('p must contain at least 1 item.');
  });

  it('checks patternProperties and property counts', () => {
    const schema: JsonSchema = {
      type: 'object',
      patternProperties: { '^n_': { type: 'integer' } },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 2,
    };
    expect(check({ n_a: 1 }, schema)).toBe(true);
    expect(check({ n_a: 'x' }, schema)).toBe('p[n_a] is not of type integer.');
    expect(check({ other: 1 }, schema)).toBe('other is not a valid property of Object.');
    expect(check({}, schema)).toBe('p must contain at least 1 property.');
    expect(check({ n_a: 1, n_b: 2, n_c: 3 }, schema)).toBe('p must contain at most 2 properties.');
    expect(check({ constructor: 'x' }, { type: 'object', properties: { a: { type: 'integer' } } })).toBe(true);
  });

  it('accepts values for types WordPress does not know, and picks the best of several types', () => {
    expect(check({ any: 'thing' }, { type: 'mixed' })).toBe(true);
    expect(check('whatever', { type: 'bool' })).toBe(true);
    expect(check('not a date', { type: ['null', 'date-time'] })).toBe(true);
    const meta: JsonSchema = { type: ['null', 'object', 'string', 'number', 'boolean', 'integer', 'array'] };
    for (const value of [null, { a: 1 }, 's', 1.5, true, [1]]) expect(check(value, meta)).toBe(true);
    expect(check({}, { type: ['string', 'null'] })).toBe('p is not of type string,null.');
    expect(check('x', {})).toBe(true);
  });

  it('supports anyOf and oneOf', () => {
    const anyOf: JsonSchema = { anyOf: [{ type: 'integer' }, { type: 'string', title: 'word', enum: ['all'] }] };
    expect(check(3, anyOf)).toBe(true);
    expect(check('all', anyOf)).toBe(true);
    expect(check('none', anyOf)).toBe('p is not a valid word. Reason: p is not all.');
    const oneOf: JsonSchema = { oneOf: [{ type: 'integer' }, { type: 'number' }] };
    expect(check(1.5, oneOf)).toBe(true);
    expect(check(2, oneOf)).toBe('p matches more than one of the expected formats.');
    const titled: JsonSchema = {
      anyOf: [
        { title: 'id', type: 'integer' },
        { title: 'slug', type: 'string', pattern: '^[a-z]+$' },
        { title: 'list', type: 'array' },
      ],
    };
    expect(check({ a: 1 }, titled)).toBe('p is not a valid id, slug, and list.');
    const objects: JsonSchema = {
      oneOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['z'] },
        { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['z'] },
      ],
    };
    expect(check({ a: 'x', b: 'y' }, objects)).toBe(
      'p does not match the expected format. Reason: z is a required property of p.',
    );
  });

  it('reports type errors with the parameter as data, other errors without data', () => {
    const typeError = validateValueFromSchema('x', { type: 'integer' }, 'n');
    expect(typeError).toBeInstanceOf(SchemaError);
    expect((typeError as SchemaError).errorData).toEqual({ param: 'n' });
    expect((validateValueFromSchema(0, { type: 'integer', minimum: 1 }, 'n') as SchemaError).errorData).toBeNull();
  });
});

describe('sanitizeValueFromSchema', () => {
  it('coerces to the schema type', () => {
    expect(sanitizeValueFromSchema('5', { type: 'integer' })).toBe(5);
    expect(sanitizeValueFromSchema('5.9', { type: 'integer' })).toBe(5);
    expect(sanitizeValueFromSchema('1e3', { type: 'integer' })).toBe(1000);
    expect(sanitizeValueFromSchema('2.5', { type: 'number' })).toBe(2.5);
    for (const falsy of ['false', '0', 'FALSE', ''])
      expect(sanitizeValueFromSchema(falsy, { type: 'boolean' })).toBe(false);
    for (const truthy of ['true', '1', 'yes']) expect(sanitizeValueFromSchema(truthy, { type: 'boolean' })).toBe(true);
    expect(sanitizeValueFromSchema(12, { type: 'string' })).toBe('12');
    expect(sanitizeValueFromSchema(true, { type: 'string' })).toBe('1');
    expect(sanitizeValueFromSchema('x', { type: 'null' })).toBeNull();
  });

  it('splits lists, coerces items and objects, and drops forbidden properties', () => {
    expect(sanitizeValueFromSchema('1, 2,3', { type: 'array', items: { type: 'integer' } })).toEqual([1, 2, 3]);
    expect(sanitizeValueFromSchema({ 0: 'a', 1: 'b' }, { type: 'array' })).toEqual(['a', 'b']);
    const input = { n: '4', extra: 'x' };
    const schema: JsonSchema = { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false };
    expect(sanitizeValueFromSchema(input, schema)).toEqual({ n: 4 });
    expect(input).toEqual({ n: '4', extra: 'x' });
    expect(sanitizeValueFromSchema('', { type: 'object' })).toEqual({});
  });

  it('applies format sanitizers to strings', () => {
    expect(sanitizeValueFromSchema('  a <b>bold</b>\n  b%41 ', { type: 'string', format: 'email' })).toBe('a bold b');
    expect(sanitizeValueFromSchema('x < y', { type: 'string', format: 'text-field' })).toBe('x &lt; y');
    expect(sanitizeValueFromSchema('#ABCDEF', { type: 'string', format: 'hex-color' })).toBe('#ABCDEF');
    expect(sanitizeValueFromSchema('red', { type: 'string', format: 'hex-color' })).toBe('');
    expect(sanitizeValueFromSchema('example.com/a b', { type: 'string', format: 'uri' })).toBe(
      'http://example.com/a%20b',
    );
    expect(sanitizeValueFromSchema('javascript:alert(1)', { type: 'string', format: 'uri' })).toBe('');
  });

  it('cleans URLs and text as sanitize_url and sanitize_text_field do', () => {
    expect(sanitizeValueFromSchema('http://x.test/a[1]?q=%0d%0Ax', { type: 'string', format: 'uri' })).toBe(
      'http://x.test/a%5B1%5D?q=x',
    );
    expect(sanitizeValueFromSchema('/relative path', { type: 'string', format: 'uri' })).toBe('/relative%20path');
    expect(sanitizeValueFromSchema('hi<script>alert(1)</script> there', { type: 'string', format: 'text-field' })).toBe(
      'hi there',
    );
    expect(sanitizeValueFromSchema(['x'], { type: 'string', format: 'text-field' })).toBe('');
  });

  it('sanitizes through anyOf and oneOf', () => {
    expect(sanitizeValueFromSchema('5', { anyOf: [{ type: 'integer' }, { type: 'boolean' }] })).toBe(5);
    expect(
      sanitizeValueFromSchema('x', { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }] }),
    ).toBeInstanceOf(SchemaError);
  });

  it('returns null when none of several types fits', () => {
    expect(sanitizeValueFromSchema({}, { type: ['string', 'integer'] })).toBeNull();
  });
});

describe('argument checks in the request pipeline', () => {
  function app(args: RouteArgs) {
    const test = createRestTestApp();
    test.rest.registerRoute('wc/v2', '/customers', {
      methods: ['GET', 'POST'],
      permissionCallback: () => false,
      args,
      callback: () => 'unreachable',
    });
    return test;
  }

  it('reports missing required parameters (null counts as missing) before validating', async () => {
    const { http } = app({
      email: { type: 'string', required: true },
      username: { type: 'string', required: true },
      n: { type: 'integer' },
    });
    const res = await http.post('/wp-json/wc/v2/customers?n=abc').send({ email: null });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'rest_missing_callback_param',
      message: 'Missing parameter(s): email, username',
      data: { status: 400, params: ['email', 'username'] },
    });
  });

  it('reports every invalid parameter with its message and details, before the permission check', async () => {
    const { http } = app({
      per_page: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      orderby: { type: 'string', enum: ['id', 'include', 'name', 'registered_date'] },
      page: { type: 'integer' },
      billing: { type: 'object', properties: { first_name: { type: 'string' } } },
    });
    const res = await http.get('/wp-json/wc/v2/customers?per_page=1000&orderby=bogus&page=x&billing[first_name][]=1');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): per_page, orderby, page, billing',
      data: {
        status: 400,
        params: {
          per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)',
          orderby: 'orderby is not one of id, include, name, and registered_date.',
          page: 'page is not of type integer.',
          billing: 'billing[first_name] is not of type string.',
        },
        details: {
          per_page: {
            code: 'rest_out_of_bounds',
            message: 'per_page must be between 1 (inclusive) and 100 (inclusive)',
            data: null,
          },
          orderby: {
            code: 'rest_not_in_enum',
            message: 'orderby is not one of id, include, name, and registered_date.',
            data: null,
          },
          page: { code: 'rest_invalid_type', message: 'page is not of type integer.', data: { param: 'page' } },
          billing: {
            code: 'rest_invalid_type',
            message: 'billing[first_name] is not of type string.',
            data: { param: 'billing[first_name]' },
          },
        },
      },
    });
  });

  it('matches the bytes WordPress sent for per_page=0', async () => {
    const { http } = app({ per_page: { type: 'integer', minimum: 1, maximum: 100, default: 10 } });
    const res = await http.get('/wp-json/wc/v2/customers?per_page=0');
    expect(res.text).toBe(
      '{"code":"rest_invalid_param","message":"Invalid parameter(s): per_page","data":{"status":400,"params":{"per_page":"per_page must be between 1 (inclusive) and 100 (inclusive)"},"details":{"per_page":{"code":"rest_out_of_bounds","message":"per_page must be between 1 (inclusive) and 100 (inclusive)","data":null}}}}',
    );
  });

  it('uses validate and sanitize callbacks instead of the schema when given', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/things', {
      methods: 'GET',
      permissionCallback: () => true,
      args: {
        exclude: {
          type: 'array',
          items: { type: 'integer' },
          validateCallback: () => true,
          sanitizeCallback: (value) =>
            String(value)
              .split(',')
              .map((part) => Number.parseInt(part, 10) || 0),
        },
        code: {
          type: 'string',
          validateCallback: (value) => (value === 'ok' ? true : new RestError('bad_code', 'Code must be ok.', 400)),
        },
        flag: { validateCallback: () => false },
      },
      callback: (request) => request.query,
    });
    expect((await test.http.get('/wp-json/acme/v1/things?exclude=abc,2')).body).toEqual({ exclude: [0, 2] });
    const res = await test.http.get('/wp-json/acme/v1/things?code=nope&flag=1');
    expect(res.body.data.params).toEqual({ code: 'Code must be ok.', flag: 'Invalid parameter.' });
    expect(res.body.data.details).toEqual({
      code: { code: 'bad_code', message: 'Code must be ok.', data: { status: 400 } },
    });
    const onlyFalse = await test.http.get('/wp-json/acme/v1/things?flag=1');
    expect(onlyFalse.text).toContain('"details":[]');
  });

  it('evaluates args given as a function when the route is served', async () => {
    const test = createRestTestApp();
    let required = false;
    test.rest.registerRoute('acme/v1', '/things', {
      methods: 'POST',
      permissionCallback: () => true,
      args: () => ({ name: { type: 'string', required } }),
      callback: () => 'created',
    });
    expect((await test.http.post('/wp-json/acme/v1/things')).body).toBe('created');
    required = true;
    expect((await test.http.post('/wp-json/acme/v1/things')).body.code).toBe('rest_missing_callback_param');
  });
});
