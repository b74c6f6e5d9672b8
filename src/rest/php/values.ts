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

/** (int) cast (truncates toward zero; non-finite numbers become 0 as in PHP 8). */
export function intval(value: unknown): number {
  const asFloat = floatval(value);
  if (!Number.isFinite(asFloat)) return 0;
  const truncated = Math.trunc(asFloat);
  return truncated === 0 ? 0 : truncated;
}

/** (string) cast; arrays become "Array" as PHP makes them. */
export function strval(value: unknown): string {
  if (isScalar(value)) return phpScalarToString(value);
  return value === null || value === undefined ? '' : 'Array';
}

/** PHP's empty(): false for "", "0", 0, false, null and empty arrays. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === '0' || value === 0) return true;
  return typeof value === 'object' && isEmptyArray(value);
}

/** wp_parse_list: an array as is; anything else split on commas and whitespace, empty parts dropped. */
export function wpParseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') return Object.values(value);
  return strval(value).split(/[ \t\n\r\v\f,]+/).filter((part) => part !== '');
}

function isEmptyArray(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}
