import { phpJsonEncode } from './json/encode';
import { isValidJsonpCallback, jsonpCallback, wrapJsonp } from './params/jsonp';
import { parameterSources } from './requestParams';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';

/**
 * The body bytes WordPress echoes for a handled response: none for HEAD, 204 or null data; otherwise the data as
 * PHP's json_encode writes it (`_pretty` indents it), wrapped as `/**\/cb(…)` when JSONP was accepted.
 */
export function serializeBody(request: RestRequest, response: RestResponse): string | null {
  if (request.method === 'HEAD' || response.status === 204 || response.data === null || response.data === undefined) {
    return null;
  }
  const pretty = parameterSources(request).some((source) => source !== null && Object.hasOwn(source, '_pretty'));
  const json = phpJsonEncode(response.data, pretty);
  const callback = jsonpCallback(request);
  const isJavaScript = (response.headers['Content-Type'] ?? '').startsWith('application/javascript');
  return isJavaScript && isValidJsonpCallback(callback) ? wrapJsonp(callback, json) : json;
}
