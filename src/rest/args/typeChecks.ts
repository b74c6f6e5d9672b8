import { isNumeric, isScalar, floatval, wpParseList } from '../php/values';

/** JSON values as PHP sees them: objects and lists are both "arrays". */
export type PhpArrayLike = Record<string, unknown> | unknown[];

const INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/;

export function isPhpArray(value: unknown): value is PhpArrayLike {
  return value !== null && typeof value === 'object';
}

/** `$array[ $key ]` for either kind of PHP array. */
export function readKey(array: PhpArrayLike, key: string): unknown {
  return (array as Record<string, unknown>)[key];
}

/** wp_is_numeric_array: an array whose keys are all integers (a JSON list, or an object with integer keys). */
export function isNumericArray(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (!isPhpArray(value)) return false;
  for (const key of Object.keys(value)) if (!INTEGER_KEY.test(key)) return false;
  return true;
}

/** rest_is_array: a numeric array, or any scalar (it is read as a comma/space separated list). */
export function restIsArray(value: unknown): boolean {
  return isScalar(value) || isNumericArray(value);
}

/** rest_sanitize_array: the list of values. */
export function restSanitizeArray(value: unknown): unknown[] {
  if (isScalar(value)) return wpParseList(value);
  if (Array.isArray(value)) return value.slice();
  return isPhpArray(value) ? Object.values(value) : [];
}

/** rest_is_object: any array, or "" (an empty form field standing for an empty object). */
export function restIsObject(value: unknown): boolean {
  return value === '' || isPhpArray(value);
}

/** rest_sanitize_object: a copy of the array, or an empty object. */
export function restSanitizeObject(value: unknown): PhpArrayLike {
  if (Array.isArray(value)) return (value as unknown[]).slice();
  if (isPhpArray(value)) return { ...value };
  return {};
}

/** rest_is_boolean. */
export function restIsBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value === 'string') return ['false', 'true', '0', '1'].includes(value.toLowerCase());
  return value === 0 || value === 1;
}

/** rest_sanitize_boolean. */
export function restSanitizeBoolean(value: unknown): boolean {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return !(lower === 'false' || lower === '0' || lower === '');
  }
  if (isPhpArray(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** rest_is_integer. */
export function restIsInteger(value: unknown): boolean {
  if (!isNumeric(value)) return false;
  const asFloat = floatval(value);
  return Math.round(asFloat) === asFloat;
}

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  array: restIsArray,
  object: restIsObject,
  integer: restIsInteger,
  number: isNumeric,
  boolean: restIsBoolean,
  string: (value) => typeof value === 'string',
  null: (value) => value === null || value === undefined,
};

export const BUILT_IN_TYPES = new Set(Object.keys(TYPE_CHECKS));

/** rest_get_best_type_for_value: the first listed type the value fits ('' when none). */
function bestTypeForValue(value: unknown, types: readonly string[]): string {
  if (value === '' && types.includes('string')) return 'string';
  for (const type of types) {
    const check = Object.hasOwn(TYPE_CHECKS, type) ? TYPE_CHECKS[type] : undefined;
    if (check && check(value)) return type;
  }
  return '';
}

/**
 * rest_handle_multi_type_schema: the best type; when none fits and the list has a non-standard type (WooCommerce
 * writes 'date-time', 'mixed'…), WordPress keeps that type so the value is accepted, for backward compatibility.
 */
export function resolveMultiType(value: unknown, types: readonly string[]): string {
  const best = bestTypeForValue(value, types);
  if (best !== '') return best;
  return types.find((type) => !BUILT_IN_TYPES.has(type)) ?? '';
}
