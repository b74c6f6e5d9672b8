import type { SeededRandom } from './seededRandom';

/**
 * Inputs a client may send where a number, an id or a field is expected: numbers past every integer type (PHP's,
 * MySQL's BIGINT, JavaScript's 2^53), signs, fractions, exponents, other bases, padding, lists and junk.
 */
export const HOSTILE_NUMBERS = [
  '99999999999999999999',
  '18446744073709551615',
  '18446744073709551616',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '9007199254740993',
  '9'.repeat(400),
  '4294967296',
  '2147483648',
  '1e21',
  '1E+30',
  '1e308',
  '1e309',
  '-1e309',
  '1e-7',
  '-1',
  '-0',
  '0',
  '1',
  '2',
  '100',
  '101',
  '1.5',
  '1.0',
  '2.',
  '.5',
  '0x10',
  '0b11',
  '010',
  '00000000000000000000000000001',
  ' 3',
  '3 ',
  '\t4\n',
  '+5',
  '1,2,3',
  '1 2',
  '',
  'abc',
  'INF',
  'NAN',
  'true',
  'null',
  '[]',
  '{}',
  '%00',
  '\u0000',
  'é',
] as const;

/** Ids a path can carry (the routes match `[\d]+`), the real ones included. */
export function hostilePathId(random: SeededRandom, realIds: readonly number[]): string {
  return random.chance(35)
    ? String(random.pick(realIds))
    : random.pick([
        '0',
        '00',
        '99999999999999999999',
        '18446744073709551615',
        '9223372036854775807',
        '9223372036854775808',
        '9007199254740993',
        '4294967297',
        '0000000000000000000001',
        '9'.repeat(400),
        '1e5',
        '-1',
        'abc',
      ]);
}

/** A JSON value of any type, leaning to hostile numbers and strings; objects and lists nest a little. */
export function hostileJson(random: SeededRandom, depth = 0): unknown {
  switch (random.int(depth > 2 ? 4 : 6)) {
    case 0:
      return random.pick([2 ** 64, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, -0, 0, 1, 1.5, 3, 1e-7]);
    case 1:
      return random.pick(HOSTILE_NUMBERS);
    case 2:
      return random.pick([true, false, null]);
    case 3:
      return random.pick([
        'a@example.com',
        'x'.repeat(300),
        '<b>bold</b>',
        'customer',
        'administrator',
        '2024-01-01T00:00:00',
      ]);
    case 4:
      return Array.from({ length: random.int(4) }, () => hostileJson(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(4) }, () => [
          random.pick(['id', 'key', 'value', 'email', 'first_name', '0', '1', '']),
          hostileJson(random, depth + 1),
        ]),
      );
  }
}

/**
 * `name=value` pairs for one query parameter in the shapes PHP parses: a scalar, a list (`name[]=`), a keyed
 * array (`name[k]=`), a nested list, a bare name.
 */
export function hostileQueryPairs(random: SeededRandom, name: string, value: () => string): string[] {
  const encoded = () => encodeURIComponent(value());
  switch (random.int(8)) {
    case 0:
      return [`${name}[]=${encoded()}`, `${name}[]=${encoded()}`];
    case 1:
      return [`${name}[a]=${encoded()}`];
    case 2:
      return [`${name}[][]=${encoded()}`];
    case 3:
      return [name];
    default:
      return [`${name}=${encoded()}`];
  }
}
