import { seededRandom, type SeededRandom } from '../../test/helpers/seededRandom';
import { addQueryArgs } from './php/addQueryArg';
import { paginationLinks } from './paginationLinks';

/** WordPress's two calls, as setPaginationHeaders made them before paginationLinks. */
function twoCalls(query: Record<string, unknown>, url: string, page: number): string {
  return addQueryArgs([['page', page]], addQueryArgs(Object.entries(query), url));
}

const NAMES = [
  'page',
  'per_page',
  'search',
  'include',
  '_fields',
  'role',
  'a-b',
  'A1',
  '0',
  '12',
  'a.b',
  'a b',
  ' a',
  'a[b]',
  'a[',
  'é',
  '',
];
const PIECES = [
  '',
  'a',
  'Z9',
  ',',
  '.',
  '-',
  '_',
  '~',
  ' ',
  '/',
  'é',
  'ü',
  '日',
  '%',
  '%41',
  '%zz',
  '+',
  '&',
  '=',
  '#',
  '?',
  '[',
  ']',
  ';',
  '\0',
  '\n',
  '"',
  "'",
];

function randomText(random: SeededRandom): string {
  let text = '';
  for (let count = random.int(5); count > 0; count--) text += random.pick(PIECES);
  return text;
}

function randomValue(random: SeededRandom, depth: number): unknown {
  switch (random.int(depth > 0 ? 9 : 7)) {
    case 0:
    case 1:
    case 2:
      return randomText(random);
    case 3:
      return random.int(100000);
    case 4:
      return random.pick([1.5, -3, 0, 1e21, Number.NaN, 0.1]);
    case 5:
      return random.pick([true, false, null, undefined]);
    case 6:
      return random.pick([[], ['1', '2'], [3, 4]]);
    case 7:
      return Array.from({ length: random.int(4) }, () => randomValue(random, depth - 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(3) }, () => [random.pick(NAMES), randomValue(random, depth - 1)]),
      );
  }
}

const URLS = [
  'http://127.0.0.1:8080/wp-json/wc/v2/customers',
  'https://shop.example/wp-json/wc/v3/customers',
  'http://shop.example/?rest_route=/wc/v3/customers',
  'http://shop.example/wp-json/wc/v3/customers#top',
  '/wp-json/wc/v2/customers',
];

describe('paginationLinks', () => {
  it('gives the links of WordPress’s two add_query_arg calls for random queries and URLs', () => {
    const random = seededRandom(20261207);
    let plain = 0;
    const mismatches: unknown[] = [];
    for (let run = 0; run < 20000 && mismatches.length < 5; run++) {
      const query: Record<string, unknown> = {};
      for (let count = random.int(5); count > 0; count--) query[random.pick(NAMES)] = randomValue(random, 2);
      const url = random.pick(URLS);
      const link = paginationLinks(query, url);
      for (const page of [random.int(3) + 1, random.int(1000) + 1, random.pick([1.5, 1e21, -0])]) {
        const expected = twoCalls(query, url, page);
        const made = link(page);
        if (made !== expected) mismatches.push({ query, url, page, made, expected });
        if (!expected.includes('%5B') && Object.keys(query).length > 1) plain++;
      }
    }
    expect(mismatches).toEqual([]);
    // The comparison covered many queries of several parameters, not only trivial ones.
    expect(plain).toBeGreaterThan(1000);
  });

  it('writes a usual list request’s links as the two calls do', () => {
    const query = { include: [5, 77, 1234], per_page: '10', search: 'Müller o’brien' };
    const link = paginationLinks(query, 'http://127.0.0.1:8080/wp-json/wc/v2/customers');
    expect(link(2)).toBe(
      'http://127.0.0.1:8080/wp-json/wc/v2/customers?include%5B0%5D=5&include%5B1%5D=77&include%5B2%5D=1234&per_page=10&search=M%C3%BCller+o%E2%80%99brien&page=2',
    );
    expect(link(2)).toBe(twoCalls(query, 'http://127.0.0.1:8080/wp-json/wc/v2/customers', 2));
  });
});
