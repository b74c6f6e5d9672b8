import { phpJsonDecode } from './json/decode';
import { isJsonContentType } from './json/mediaType';
import { RestError } from './RestError';
import type { RestRequest } from './RestRequest';

/** Methods whose form body counts as parameters (WP_REST_Request::get_parameter_order). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The parameter sources, highest priority first: JSON body, form body, query, URL, defaults. */
export function parameterSources(request: RestRequest): Array<Record<string, unknown> | null> {
  return [request.jsonBody, request.formBody, request.query, request.urlParams, request.defaults];
}

/** WP_REST_Request::get_param: the first source where the parameter is set and not null. */
export function getParam(request: RestRequest, name: string): unknown {
  for (const source of parameterSources(request)) {
    if (source === null || !Object.hasOwn(source, name)) continue;
    const value = source[name];
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
}

/** A form body is a parameter source only for methods that carry one (after any method override). */
export function dropFormBodyUnlessBodyMethod(request: RestRequest): void {
  if (request.formBody !== null && !BODY_METHODS.has(request.method)) request.formBody = null;
}

/**
 * WP_REST_Request::parse_json_params: parses a JSON body (JSON content type, non-empty body) into `jsonBody`.
 * Returns WordPress's rest_invalid_json error for a body PHP's json_decode would reject; a body that is valid JSON
 * but not an object carries no named parameters.
 */
export function parseJsonBody(request: RestRequest): RestError | null {
  if (request.jsonBody !== null || request.rawBody === '' || !isJsonContentType(request.header('content-type')))
    return null;
  const decoded = phpJsonDecode(request.rawBody);
  if (!decoded.ok) {
    return new RestError('rest_invalid_json', 'Invalid JSON body passed.', 400, {
      json_error_code: decoded.error.code,
      json_error_message: decoded.error.message,
    });
  }
  const value = decoded.value;
  request.jsonBody =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return null;
}
