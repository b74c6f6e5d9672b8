import type { Response } from 'supertest';
import { dropLookup } from '../plugins/customers/lookup/installLookup';
import { createTestHost, type TestHost } from './helpers/testHost';

/**
 * Issue 12, "bad input never reaches SQL": numbers past every integer type in every numeric parameter. Values
 * WordPress's schema refuses get its 400 `rest_invalid_param`; values it accepts are read as PHP reads them
 * (`absint("99999999999999999999")` and `absint("1e30")` are PHP_INT_MAX, `absint("1e3")` is 1000) and answer what
 * WooCommerce answers — a page past the end is an empty page with the real totals — never a 5xx. Lists are checked on
 * both ways of answering them: the customers lookup, and WordPress's own query once the lookup is dropped.
 */

const VERSIONS = ['v1', 'v2', 'v3'];
const HUGE = '99999999999999999999';
const UINT64_MAX = '18446744073709551615';

let t: TestHost;
const ids: number[] = [];

beforeAll(async () => {
  t = await createTestHost();
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    const created = await t.http
      .post('/wp-json/wc/v3/customers')
      .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret)
      .send({
        email: `${name}@example.com`,
        first_name: name,
        password: 'secret',
      });
    expect(created.status).toBe(201);
    ids.push(created.body.id as number);
  }
});

afterAll(async () => {
  await t.close();
});

function list(version: string, query: string): Promise<Response> {
  return t.http
    .get(`/wp-json/wc/${version}/customers?${query}`)
    .auth(t.adminKey.consumerKey, t.adminKey.consumerSecret);
}

function listedIds(response: Response): number[] {
  return (response.body as Array<{ id: number }>).map((customer) => customer.id);
}

/** rest_invalid_param as WordPress sends it; rest_invalid_type's own error carries the param, out_of_bounds none. */
function expectInvalidParam(response: Response, param: string, code: string, message: string): void {
  expect(response.status).toBe(400);
  const data = code === 'rest_invalid_type' ? { param } : null;
  expect(response.body).toEqual({
    code: 'rest_invalid_param',
    message: `Invalid parameter(s): ${param}`,
    data: { status: 400, params: { [param]: message }, details: { [param]: { code, message, data } } },
  });
}

describe.each([
  ['the customers lookup', false],
  ["WordPress's own query", true],
])('lists answered by %s', (_label, withoutLookup) => {
  beforeAll(async () => {
    if (withoutLookup) await dropLookup(t.host.db);
  });

  it.each(VERSIONS)('%s: a page or an offset past 2^64 is an empty page with the real totals', async (version) => {
    for (const query of [
      `page=${HUGE}`,
      `offset=${UINT64_MAX}`,
      `page=${UINT64_MAX}&per_page=100`,
      'page=1e30',
      `offset=${'9'.repeat(400)}0&page=2`,
    ]) {
      const response = await list(version, query);
      expect({ query, status: response.status, body: response.body }).toEqual({ query, status: 200, body: [] });
      expect(response.headers['x-wp-total']).toBe('4');
      expect(response.headers['x-wp-totalpages']).toBe('1');
    }
  });

  it('page and offset are read as PHP reads them: "1e3" is 1000, "1e1" is 10, " 2" is 2', async () => {
    expect((await list('v3', 'page=1e3')).body).toEqual([]);
    expect((await list('v3', 'offset=1e1')).body).toEqual([]);
    expect(listedIds(await list('v3', 'per_page=1&page=%202&orderby=id'))).toEqual([ids[1]]);
    expect(listedIds(await list('v3', 'per_page=1&offset=2.0&orderby=id'))).toEqual([ids[2]]);
  });

  it('a page of more than 100 is refused, whatever its size', async () => {
    for (const perPage of ['101', HUGE, '1e30']) {
      expectInvalidParam(
        await list('v2', `per_page=${perPage}`),
        'per_page',
        'rest_out_of_bounds',
        'per_page must be between 1 (inclusive) and 100 (inclusive)',
      );
    }
  });

  it('page below 1 is out of bounds; fractions, hex, empty values and lists are not integers', async () => {
    // WordPress checks the bounds before integrality: 1e-7 is below 1 before it is a fraction.
    for (const page of ['0', '-1', `-${HUGE}`, '1e-7']) {
      expectInvalidParam(
        await list('v1', `page=${page}`),
        'page',
        'rest_out_of_bounds',
        'page must be greater than or equal to 1',
      );
    }
    for (const page of ['page=1.5', 'page=0x10', 'page=', 'page[]=1', 'page[a]=1', 'page=abc']) {
      expectInvalidParam(await list('v3', page), 'page', 'rest_invalid_type', 'page is not of type integer.');
    }
    expectInvalidParam(await list('v3', 'offset=1.5'), 'offset', 'rest_invalid_type', 'offset is not of type integer.');
  });

  it('no number from the request is written into SQL text: all are bound', async () => {
    const { db } = t.host;
    const statements: string[] = [];
    const { query, queryLong } = db;
    db.query = <T>(sql: string, params?: readonly unknown[]) => {
      statements.push(sql);
      return query.call(db, sql, params) as Promise<T[]>;
    };
    db.queryLong = <T>(sql: string, params?: readonly unknown[]) => {
      statements.push(sql);
      return queryLong.call(db, sql, params) as Promise<T[]>;
    };
    try {
      for (const query of [
        'page=987654&per_page=7',
        'offset=7777777&per_page=9',
        `include=13579135,24680246,${ids[1]}&orderby=include&per_page=3&page=5`,
        'exclude=11223344&orderby=id&offset=4444444',
        'search=alice&offset=3333333&per_page=8',
      ]) {
        expect((await list('v2', query)).status).toBe(200);
      }
    } finally {
      db.query = query;
      db.queryLong = queryLong;
    }
    expect(statements.length).toBeGreaterThan(0);
    const numbers = ['987654', '9876530', '7777777', '13579135', '24680246', '11223344', '4444444', '3333333'];
    expect(statements.filter((sql) => numbers.some((number) => sql.includes(number)))).toEqual([]);
  });

  it('include / exclude: ids past every integer type match nobody, and an empty list is no filter', async () => {
    const included = await list('v3', `include=${HUGE},${ids[2]},${'9'.repeat(400)}&orderby=include`);
    expect(included.status).toBe(200);
    expect(listedIds(included)).toEqual([ids[2]]);
    expect(listedIds(await list('v3', `include=${ids[3]},${UINT64_MAX},${ids[0]}&orderby=include&order=asc`))).toEqual([
      ids[3],
      ids[0],
    ]);
    expect(listedIds(await list('v3', `exclude=${HUGE},${ids[0]}&orderby=id`))).toEqual(ids.slice(1));
    // wp_parse_id_list: "" and lists of lists hold no id, so nothing is filtered.
    expect(listedIds(await list('v3', 'include=&orderby=id'))).toEqual(ids);
    expect(listedIds(await list('v3', `include[][]=${ids[0]}&orderby=id`))).toEqual(ids);
  });
});

describe('ids in the path and in bodies', () => {
  const auth = (request: ReturnType<TestHost['http']['get']>) =>
    request.auth(t.adminKey.consumerKey, t.adminKey.consumerSecret);

  it.each(VERSIONS)('%s: an id past every integer type is an unknown customer', async (version) => {
    for (const id of [HUGE, UINT64_MAX, '9223372036854775808', '9007199254740993', '9'.repeat(400)]) {
      const base = `/wp-json/wc/${version}/customers/${id}`;
      for (const response of [
        await auth(t.http.get(base)),
        await auth(t.http.put(base)).send({ first_name: 'x' }),
        await auth(t.http.delete(`${base}?force=true`)),
      ]) {
        expect(response.body).toEqual({
          code: 'wc_user_invalid_id',
          message: 'Invalid user ID.',
          data: { status: 404 },
        });
      }
      const downloads = await auth(t.http.get(`${base}/downloads`));
      expect(downloads.body).toEqual({
        code: 'woocommerce_rest_customer_invalid',
        message: 'Resource does not exist.',
        data: { status: 404 },
      });
    }
  });

  it('reassign past every integer type names no user', async () => {
    const response = await auth(t.http.delete(`/wp-json/wc/v3/customers/${ids[3]}?force=true&reassign=${HUGE}`));
    expect(response.body).toEqual({
      code: 'woocommerce_rest_customer_invalid_reassign',
      message: 'Invalid resource id for reassignment.',
      data: { status: 400 },
    });
    expect((await auth(t.http.get(`/wp-json/wc/v3/customers/${ids[3]}`))).status).toBe(200);
  });

  it('batch items with such ids fail one by one; the others are done', async () => {
    const response = await auth(t.http.post('/wp-json/wc/v3/customers/batch')).send({
      update: [
        { id: HUGE, first_name: 'x' },
        { id: 2 ** 64, first_name: 'y' },
        { id: ids[0], first_name: 'Alice' },
      ],
      delete: [HUGE, 1e300, -1, 1.5],
    });
    expect(response.status).toBe(200);
    const update = response.body.update as Array<{ id: unknown; first_name?: string; error?: { code: string } }>;
    expect(update.map((item) => item.error?.code ?? item.first_name)).toEqual([
      'wc_user_invalid_id',
      'wc_user_invalid_id',
      'Alice',
    ]);
    const deleted = response.body.delete as Array<{ error: { code: string; data: { status: number } } }>;
    expect(deleted.map((item) => [item.error.code, item.error.data.status])).toEqual([
      ['wc_user_invalid_id', 404],
      ['woocommerce_rest_invalid_id', 400],
      ['woocommerce_rest_invalid_id', 400],
      ['woocommerce_rest_invalid_id', 400],
    ]);
  });
});
