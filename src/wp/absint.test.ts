import { PHP_INT_MAX } from '../rest/php/values';
import { absint, wpParseIdList } from './absint';

describe('absint', () => {
  it('reads a numeric string as PHP 8 casts it to int: leading number, exponent, whitespace', () => {
    expect(['12', ' 12', '12 ', '12abc', '1.9', '-7', '1e3', '1E+2', '2.', '+5'].map(absint)).toEqual([
      12, 12, 12, 12, 1, 7, 1000, 100, 2, 5,
    ]);
    expect(['', 'abc', '0x1A', '.5', '-0', '1e-7'].map(absint)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('saturates past 64 bits at PHP_INT_MAX (zend_dval_to_lval_cap), and reads infinity as 0', () => {
    expect(['99999999999999999999', '18446744073709551615', '1e30', '-99999999999999999999'].map(absint)).toEqual([
      PHP_INT_MAX,
      PHP_INT_MAX,
      PHP_INT_MAX,
      PHP_INT_MAX,
    ]);
    expect(['1e309', '9'.repeat(400)].map(absint)).toEqual([0, 0]);
    expect([2 ** 64, 1e300, -1e300, Infinity, NaN].map(absint)).toEqual([PHP_INT_MAX, PHP_INT_MAX, PHP_INT_MAX, 0, 0]);
  });

  it('PHP_INT_MAX is an integer below 2^63, printed as digits', () => {
    expect(Number.isInteger(PHP_INT_MAX)).toBe(true);
    expect(PHP_INT_MAX).toBeLessThan(2 ** 63);
    expect(String(BigInt(PHP_INT_MAX))).toBe('9223372036854774784');
  });
});

describe('wpParseIdList', () => {
  it('splits strings on commas and whitespace, dropping empty parts (PREG_SPLIT_NO_EMPTY)', () => {
    expect(wpParseIdList('3, 1,,2 3')).toEqual([3, 1, 2]);
    expect(wpParseIdList(',5')).toEqual([5]);
    expect(wpParseIdList('')).toEqual([]);
    expect(wpParseIdList(undefined)).toEqual([]);
  });

  it('keeps only the scalar entries of an array (WordPress 6.8), absint-ed and unique', () => {
    expect(wpParseIdList(['4', 4, [5], { a: 6 }, null, true, '-4', 'x'])).toEqual([4, 1, 0]);
    expect(wpParseIdList({ a: '7', b: ['8'] })).toEqual([7]);
  });
});
