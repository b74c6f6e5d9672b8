import { serialize, unserialize } from 'php-serialize';
import { phpTrim } from './phpTrim';

/**
 * PHP's serialize()/unserialize() and WordPress's maybe_serialize()/maybe_unserialize()/is_serialized(), as used for
 * usermeta, postmeta and options values. String lengths are UTF-8 byte counts, as PHP writes them.
 *
 * Mapping: PHP lists (keys 0..n-1) ⇄ JS arrays; other PHP arrays ⇄ plain JS objects. PHP turns numeric-string keys
 * into integers, so `{ 1700000000: 'x' }` serializes as `a:1:{i:1700000000;s:1:"x";}`, and unserializing gives the key
 * back as the JS property '1700000000'.
 */

/** PHP's canonical integer keys: what `$array['42']` stores as the integer 42 (not '042', '-0' or '4.2'). */
const INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/;

/** Serializes a JS value the way PHP's serialize() would write the equivalent PHP value. */
export function phpSerialize(value: unknown): string {
  return serialize(toPhpShape(value));
}

/** Parses PHP serialize() output. Throws on malformed input. Unknown PHP objects come back as plain-ish objects. */
export function phpUnserialize(text: string): unknown {
  // strict: false keeps unknown classes as __PHP_Incomplete_Class objects instead of throwing, like PHP does.
  return unserialize(text, {}, { strict: false });
}

/**
 * WordPress is_serialized(): whether `data` looks like serialize() output. `strict` (the default) also requires
 * the string to end like a serialized value.
 */
export function isSerialized(data: unknown, strict = true): boolean {
  if (typeof data !== 'string') return false;
  const text = phpTrim(data);
  if (text === 'N;') return true;
  if (text.length < 4 || text[1] !== ':') return false;
  if (strict) {
    const last = text[text.length - 1];
    if (last !== ';' && last !== '}') return false;
  } else {
    const semicolon = text.indexOf(';');
    const brace = text.indexOf('}');
    if (semicolon === -1 && brace === -1) return false;
    if (semicolon !== -1 && semicolon < 3) return false;
    if (brace !== -1 && brace < 4) return false;
  }
  const token = text[0];
  switch (token) {
    case 's':
      if (strict ? text[text.length - 2] !== '"' : !text.includes('"')) return false;
      return /^s:[0-9]+:/s.test(text);
    case 'a':
    case 'O':
    case 'E':
      return new RegExp(`^${token}:[0-9]+:`, 's').test(text);
    case 'b':
    case 'i':
    case 'd':
      return new RegExp(`^${token}:[0-9.E+-]+;${strict ? '$' : ''}`).test(text);
    default:
      return false;
  }
}

/**
 * WordPress maybe_serialize() followed by the string conversion wpdb applies on write: arrays/objects are serialized,
 * a string that already looks serialized is serialized again (so it reads back as that string), true → '1',
 * false/null → '', numbers → their decimal string.
 */
export function maybeSerialize(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return isSerialized(value, false) ? phpSerialize(value) : value;
  return phpSerialize(value);
}

/**
 * WordPress maybe_unserialize(): unserializes only what is_serialized() accepts; anything else, including malformed
 * serialized text, is returned unchanged.
 */
export function maybeUnserialize(text: string): unknown {
  if (!isSerialized(text)) return text;
  try {
    return phpUnserialize(phpTrim(text));
  } catch {
    return text;
  }
}

/**
 * Rewrites plain objects as Maps with PHP keys (integer-like strings → numbers), which php-serialize writes with
 * `i:` keys; arrays stay lists. Anything PHP could not receive from us (functions, class instances…) is rejected.
 */
function toPhpShape(value: unknown): unknown {
  if (value === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value)) return value.map(toPhpShape);
  if (value instanceof Map) {
    return new Map(Array.from(value, ([key, item]) => [toPhpKey(key), toPhpShape(item)] as const));
  }
  if (isPlainObject(value)) {
    return new Map(Object.entries(value).map(([key, item]) => [toPhpKey(key), toPhpShape(item)] as const));
  }
  throw new TypeError(`Cannot PHP-serialize a value of type ${value === undefined ? 'undefined' : typeof value}`);
}

function toPhpKey(key: unknown): string | number {
  if (typeof key === 'number' && Number.isInteger(key)) return key;
  const text = String(key);
  return INTEGER_KEY.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
