import { phpScalarToString } from './phpScalarToString';
import { sanitizeTextField } from './sanitizeTextField';

/** A decoded JSON value, the shape request data reaches wc_clean() in. */
export type WcCleanInput = string | number | boolean | null | WcCleanInput[] | { [key: string]: WcCleanInput };
/** What wc_clean() returns for it: every scalar has become a sanitized string. */
export type WcCleanOutput = string | null | WcCleanOutput[] | { [key: string]: WcCleanOutput };

/**
 * WooCommerce wc_clean(): arrays (JSON arrays and plain objects, both PHP arrays) are cleaned element by element with
 * their keys; scalars are cast to string (PHP rules) and passed through sanitize_text_field(); anything else (null,
 * undefined, class instances — PHP's null and objects) is returned as is.
 */
export function wcClean(value: string | number | boolean): string;
export function wcClean(value: WcCleanInput): WcCleanOutput;
export function wcClean(value: unknown): unknown;
export function wcClean(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return sanitizeTextField(phpScalarToString(value));
  }
  if (Array.isArray(value)) return value.map((item: unknown) => wcClean(item));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wcClean(item)]));
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
