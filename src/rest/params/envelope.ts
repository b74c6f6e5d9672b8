import { responseToData } from '../links';
import type { RestRequest } from '../RestRequest';
import { RestResponse } from '../RestResponse';

/** Whether the request asked for `?_envelope` (any value, even empty). */
export function wantsEnvelope(request: RestRequest): boolean {
  const value = request.query._envelope;
  return value !== undefined && value !== null;
}

/**
 * WP_REST_Server::envelope_response: the real status and headers move into the body, which is always sent with 200
 * (and without those headers), for clients that cannot read them.
 */
export function envelopeResponse(response: RestResponse): RestResponse {
  const headers = Object.keys(response.headers).length > 0 ? { ...response.headers } : [];
  return new RestResponse({ body: responseToData(response), status: response.status, headers });
}
