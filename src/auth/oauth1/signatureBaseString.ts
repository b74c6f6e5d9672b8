import { rawUrlEncode } from './phpUrlEncoding';
import type { OAuthParamMap, OAuthParamValue } from './params';

/**
 * The OAuth 1.0a signature base string exactly as WooCommerce builds it (WC_REST_Authentication::check_oauth_signature):
 * `METHOD & rawurlencode(base URL) & pairs`, where the parameters (without `oauth_signature`) are sorted by byte-wise
 * key comparison, keys and values are rawurlencoded, each `key=value` pair is rawurlencoded again, and nested values
 * become `parent%5Bchild%5D` keys in their original order. For flat parameters this equals RFC 5849 §3.4.1.
 */
export function buildSignatureBaseString(method: string, baseUrl: string, params: OAuthParamMap): string {
  const names = Object.keys(params).sort(compareBytes);
  const pairs: string[] = [];
  for (const name of names) appendPairs(pairs, rawUrlEncode(name), encodeValue(params[name]));
  return `${method.toUpperCase()}&${rawUrlEncode(baseUrl)}&${pairs.join('%26')}`;
}

/** PHP strcmp: compares the UTF-8 bytes, not UTF-16 code units. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** wc_rest_urlencode_rfc3986 on a value: strings are encoded, nested maps have their values (not keys) encoded. */
function encodeValue(value: OAuthParamValue): OAuthParamValue {
  if (typeof value === 'string') return rawUrlEncode(value);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, encodeValue(child)]));
}

/** join_with_equals_sign: flattens nested values into `key%5Bchild%5D=value` and encodes each pair once more. */
function appendPairs(pairs: string[], key: string, value: OAuthParamValue): void {
  if (typeof value === 'string') {
    pairs.push(rawUrlEncode(`${key}=${value}`));
    return;
  }
  for (const [childKey, child] of Object.entries(value)) appendPairs(pairs, `${key}%5B${childKey}%5D`, child);
}
