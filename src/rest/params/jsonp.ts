import { isEmpty } from '../php/values';
import type { RestRequest } from '../RestRequest';

/** The `_jsonp` query parameter when PHP would call it set (a non-empty string other than "0", or a non-empty array). */
export function jsonpCallback(request: RestRequest): unknown {
  const callback = request.query._jsonp;
  return isEmpty(callback) ? undefined : callback;
}

/** wp_check_jsonp_callback: a string made only of word characters and dots. */
export function isValidJsonpCallback(callback: unknown): callback is string {
  return typeof callback === 'string' && /^[\w.]*$/.test(callback);
}

/** The body WordPress echoes for JSONP; the leading comment defuses Rosetta-Flash style attacks. */
export function wrapJsonp(callback: string, json: string): string {
  return `/**/${callback}(${json})`;
}
