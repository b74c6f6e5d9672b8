import type { ServerResponse } from 'node:http';
import type { RestRequest } from '../RestRequest';

/** The RestRequest each response answers, for middleware that runs when the response is done (the access log). */
const requests = new WeakMap<ServerResponse, RestRequest>();

export function linkRestRequest(res: ServerResponse, request: RestRequest): void {
  requests.set(res, request);
}

/** The RestRequest `res` answered (its matched route, API key and client address), if it was a REST request. */
export function restRequestOf(res: ServerResponse): RestRequest | undefined {
  return requests.get(res);
}
