import { phpJsonEncode } from './json/encode';
import { rememberedBody } from './json/preEncoded';
import { isValidJsonpCallback, jsonpCallback, wrapJsonp } from './params/jsonp';
import { parameterSources } from './requestParams';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';

/**
 * The body bytes WordPress echoes for a handled response: none for HEAD, 204 or null data; otherwise the data as
 * PHP's json_encode writes it (`_pretty` indents it), wrapped as `/**\/cb(…)` when JSONP was accepted.
 */
export function serializeBody(request: RestRequest, response: RestResponse): string | Buffer | null {
  if (request.method === 'HEAD' || response.status === 204 || response.data === null || response.data === undefined) {
    return null;
  }
  const pretty = parameterSources(request).some((source) => source !== null && Object.hasOwn(source, '_pretty'));
  const callback = jsonpCallback(request);
  const isJavaScript = (response.headers['Content-Type'] ?? '').startsWith('application/javascript');
  if (isJavaScript && isValidJsonpCallback(callback)) return wrapJsonp(callback, phpJsonEncode(response.data, pretty));
  // Cached items keep their bytes (the same phpJsonEncode made them); pretty printing indents, so it encodes afresh.
  return (pretty ? null : rememberedBody(response.data)) ?? phpJsonEncode(response.data, pretty);
}
