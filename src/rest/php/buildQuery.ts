import { strval } from './values';

/**
 * WordPress's build_query (`_http_build_query` without urlencoding): nested keys as `key%5Bsub%5D`, values raw,
 * null skipped, false as "0".
 */
export function buildQuery(entries: Iterable<[string | number, unknown]>, parentKey = ''): string {
  const parts: string[] = [];
  for (const [rawKey, value] of entries) {
    const key = parentKey === '' ? String(rawKey) : `${parentKey}%5B${rawKey}%5D`;
    if (value === null || value === undefined) continue;
    if (value instanceof Map) {
      parts.push(buildQuery(value, key));
    } else if (typeof value === 'object') {
      parts.push(buildQuery(Object.entries(value), key));
    } else {
      parts.push(`${key}=${value === false ? '0' : strval(value)}`);
    }
  }
  return parts.join('&');
}
