import { phpScalarToString } from '../../wp/phpScalarToString';

/**
 * PHP's loose value semantics that WordPress's schema code relies on, for the values JSON and query strings produce
 * (strings, numbers, booleans, null, arrays and plain objects; PHP sees both of the last two as arrays).
 */

/** PHP 8 numeric strings: optional surrounding whitespace, sign, decimal digits, fraction, exponent. */
const NUMERIC_STRING = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const LEADING_NUMBER = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;

export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** is_numeric. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && NUMERIC_STRING.test(value);
}

/** (float) cast. */
export function floatval(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = LEADING_NUMBER.exec(value);
    return match ? Number(match[0].trim()) : 0;
  }
  if (value !== null && typeof value === 'object') return isEmptyArray(value) ? 0 : 1;
  return 0;
}

/**
 * PHP_INT_MAX as the nearest double below it: 2^63 itself would be a float to PHP (printed `9.2233720368548E+18`),
 * this one still prints as an int.
 */
export const PHP_INT_MAX = 2 ** 63 - 1024;

/**
 * (int) cast: truncates toward zero; past the 64-bit range it saturates at PHP_INT_MAX / PHP_INT_MIN, as PHP's cast of
 * a numeric string does (zend_dval_to_lval_cap: `(int) "99999999999999999999"` and `(int) "1e30"` are PHP_INT_MAX);
 * non-finite values become 0 (`(int) "1e999"`). PHP leaves an out-of-range float undefined; saturating it too keeps
 * every result a bounded integer.
 */
export function intval(value: unknown): number {
  const asFloat = floatval(value);
  if (!Number.isFinite(asFloat)) return 0;
  const truncated = Math.max(-PHP_INT_MAX, Math.min(PHP_INT_MAX, Math.trunc(asFloat)));
  return truncated === 0 ? 0 : truncated;
}

/** (string) cast; arrays become "Array" as PHP makes them. */
export function strval(value: unknown): string {
  if (isScalar(value)) return phpScalarToString(value);
  return value === null || value === undefined ? '' : 'Array';
}

/** PHP's empty(): false for "", "0", 0, false, null and empty arrays. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === '0' || value === 0)
    return true;
  return typeof value === 'object' && isEmptyArray(value);
}

/**
 * wp_parse_list (WordPress 6.8): an array's scalar entries (nested arrays dropped); anything else split on commas and
 * whitespace, empty parts dropped.
 */
export function wpParseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.filter(isScalar);
  if (value !== null && typeof value === 'object') return Object.values(value).filter(isScalar);
  return strval(value)
    .split(/[ \t\n\r\v\f,]+/)
    .filter((part) => part !== '');
}

function isEmptyArray(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}
