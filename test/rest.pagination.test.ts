import { RestRequest, RestResponse, setPaginationHeaders } from '../src/rest';
import { addQueryArgs } from '../src/rest/php/addQueryArg';
import { createRestTestApp } from './helpers/restApp';

/** A collection of `total` items, paged as WooCommerce pages customers. */
function collection(total: number) {
  const test = createRestTestApp({ homeUrl: 'http://127.0.0.1:8080' });
  test.rest.registerRoute('wc/v2', '/customers', {
    methods: 'GET',
    permissionCallback: () => true,
    args: {
      page: { type: 'integer', default: 1, minimum: 1 },
      per_page: { type: 'integer', default: 10, minimum: 1, maximum: 100 },
      include: { type: 'array', items: { type: 'integer' }, default: [] },
    },
    callback: (request) => {
      const perPage = Number(request.param('per_page'));
      const page = Number(request.param('page'));
      const response = new RestResponse([]);
      setPaginationHeaders(response, { total, perPage, page, request, route: '/wc/v2/customers' });
      return response;
    },
  });
  return test;
}

describe('collection headers', () => {
  it('match WooCommerce 8.9.1: totals, and one Link header that replaces the API discovery link', async () => {
    const res = await collection(2).http.get('/wp-json/wc/v2/customers?per_page=1&page=2');
    expect(res.headers['x-wp-total']).toBe('2');
    expect(res.headers['x-wp-totalpages']).toBe('2');
    expect(res.headers.link).toBe('<http://127.0.0.1:8080/wp-json/wc/v2/customers?per_page=1&page=1>; rel="prev"');
    const names = Object.keys(res.headers);
    expect(names.indexOf('link')).toBeGreaterThan(names.indexOf('x-wp-totalpages'));
  });

  it('joins prev and next in one header, and links nothing when there is one page', async () => {
    const { http } = collection(25);
    expect((await http.get('/wp-json/wc/v2/customers?page=2')).headers.link).toBe(
      '<http://127.0.0.1:8080/wp-json/wc/v2/customers?page=1>; rel="prev", <http://127.0.0.1:8080/wp-json/wc/v2/customers?page=3>; rel="next"',
    );
    expect((await http.get('/wp-json/wc/v2/customers')).headers.link).toBe(
      '<http://127.0.0.1:8080/wp-json/wc/v2/customers?page=2>; rel="next"',
    );
    const single = await collection(3).http.get('/wp-json/wc/v2/customers');
    expect(single.headers.link).toBe('<http://127.0.0.1:8080/wp-json/>; rel="https://api.w.org/"');
  });

  it('past the end still reports the totals and links back to the last page', async () => {
    const res = await collection(1).http.get('/wp-json/wc/v2/customers?page=50');
    expect(res.status).toBe(200);
    expect(res.headers['x-wp-total']).toBe('1');
    expect(res.headers['x-wp-totalpages']).toBe('1');
    expect(res.headers.link).toBe('<http://127.0.0.1:8080/wp-json/wc/v2/customers?page=1>; rel="prev"');
  });

  it('reports 0 pages when there are no items', async () => {
    const res = await collection(0).http.get('/wp-json/wc/v2/customers');
    expect(res.headers['x-wp-total']).toBe('0');
    expect(res.headers['x-wp-totalpages']).toBe('0');
  });

  it('echoes the request’s query as received (order kept, page replaced in place), encoded as add_query_arg does', async () => {
    const res = await collection(30).http.get(
      '/wp-json/wc/v2/customers?page=2&search=john+doe/%C3%A3&empty=&include=1,2&per_page=10',
    );
    expect(res.headers.link).toBe(
      '<http://127.0.0.1:8080/wp-json/wc/v2/customers?page=1&search=john+doe%2F%C3%A3&empty&include%5B0%5D=1&include%5B1%5D=2&per_page=10>; rel="prev", ' +
        '<http://127.0.0.1:8080/wp-json/wc/v2/customers?page=3&search=john+doe%2F%C3%A3&empty&include%5B0%5D=1&include%5B1%5D=2&per_page=10>; rel="next"',
    );
  });

  it('works on a response outside HTTP too', () => {
    const request = new RestRequest({
      method: 'GET',
      path: '/wc/v2/customers',
      restRoot: 'https://shop.example/wp-json',
      query: { per_page: 5 },
    });
    const response = new RestResponse([]);
    setPaginationHeaders(response, { total: 11, perPage: 5, page: 1, request, route: '/wc/v2/customers' });
    expect(response.headers).toEqual({
      'X-WP-Total': '11',
      'X-WP-TotalPages': '3',
      Link: '<https://shop.example/wp-json/wc/v2/customers?per_page=5&page=2>; rel="next"',
    });
  });
});

describe('add_query_arg', () => {
  it('re-encodes the URL’s own query, sets arguments raw, and drops false', () => {
    expect(addQueryArgs([['page', 2]], 'http://x.test/a?b=c+d&e=%2F')).toBe('http://x.test/a?b=c+d&e=%2F&page=2');
    expect(addQueryArgs([['b', false]], 'http://x.test/a?b=1&c=2')).toBe('http://x.test/a?c=2');
    expect(addQueryArgs([['q', 'raw value']], 'https://x.test/a#frag')).toBe('https://x.test/a?q=raw value#frag');
    expect(
      addQueryArgs(
        [
          ['flag', true],
          ['skip', null],
        ],
        'http://x.test/',
      ),
    ).toBe('http://x.test/?flag=1');
    expect(addQueryArgs([], 'http://x.test/a?')).toBe('http://x.test/a');
  });
});
