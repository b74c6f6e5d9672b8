import type { Logger } from '../host/types';
import { isRestError } from './RestError';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';
import type { Endpoint, RouteEntry } from './routes/RouteTable';

/**
 * rest_send_allow_header: the matched route's methods whose permission callback returns exactly true for this
 * requester, upper-case and comma-separated; no header when none does. The callbacks run again after the route
 * callback, as in WordPress, so the header reflects the state the request left behind.
 */
export async function addAllowHeader(
  response: RestResponse,
  route: RouteEntry | null,
  request: RestRequest,
  logger: Logger,
): Promise<void> {
  if (route === null) return;
  const verdicts = await Promise.all(route.endpoints.map((endpoint) => permits(endpoint, request, logger)));
  const allowed = new Map<string, boolean>();
  route.endpoints.forEach((endpoint, index) => {
    for (const method of endpoint.methods) allowed.set(method, verdicts[index]);
  });
  const methods = Array.from(allowed)
    .filter(([, isAllowed]) => isAllowed)
    .map(([method]) => method);
  if (methods.length > 0) response.header('Allow', methods.join(', '));
}

async function permits(endpoint: Endpoint, request: RestRequest, logger: Logger): Promise<boolean> {
  try {
    return (await endpoint.permissionCallback(request)) === true;
  } catch (thrown) {
    if (!isRestError(thrown)) {
      logger.error('A REST permission callback failed while computing the Allow header', {
        route: request.route,
        error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
      });
    }
    return false;
  }
}
