import { isPhpEmptyString } from '../../wp/phpEmpty';

/**
 * Request parameters as PHP sees them (`$_GET`, `$_POST`): strings, or nested maps for `a[b]=c`.
 * WooCommerce signs these, so they keep PHP's shape rather than JSON types.
 */
export type OAuthParamValue = string | OAuthParamMap;
export interface OAuthParamMap {
  [name: string]: OAuthParamValue;
}

/** Converts parsed query/form values (strings, arrays, objects, numbers) into PHP-shaped parameters. */
export function toOAuthParams(source: Record<string, unknown> | null | undefined): OAuthParamMap {
  // fromEntries defines own properties, so a parameter named `__proto__` stays a plain parameter.
  return Object.fromEntries(Object.entries(source ?? {}).map(([name, value]) => [name, toParamValue(value)]));
}

function toParamValue(value: unknown): OAuthParamValue {
  if (Array.isArray(value)) {
    // A PHP list is a map with integer keys.
    return Object.fromEntries(value.map((item, index) => [String(index), toParamValue(item)]));
  }
  if (value !== null && typeof value === 'object') return toOAuthParams(value as Record<string, unknown>);
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

/** PHP's `empty()` for a parameter: missing, '', '0' or an empty array. */
export function isEmptyParam(value: OAuthParamValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return isPhpEmptyString(value);
  return Object.keys(value).length === 0;
}
