import type { Hooks } from '../hooks/types';
import type { Logger } from '../host/types';
import { ensureResponse, forbiddenError, thrownToRestError } from './errors';
import { isRestError, type RestError } from './RestError';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';
import type { Endpoint } from './routes/RouteTable';
import type { RouteHandler } from './types';

interface RespondDeps {
  hooks: Hooks;
  logger: Logger;
}

/**
 * WP_REST_Server::respond_to_request: `rest_request_before_callbacks` (it sees the validation error, if any, and
 * may return one), the permission callback, the route callback, then `rest_request_after_callbacks`. A RestError
 * thrown anywhere becomes the answer; any other exception a logged 500.
 */
export async function respondToRequest(
  deps: RespondDeps,
  request: RestRequest,
  handler: RouteHandler,
  endpoint: Endpoint,
  validationError: RestError | null,
): Promise<RestResponse> {
  let result: unknown;
  try {
    result = await deps.hooks.applyFilters('rest_request_before_callbacks', validationError, handler, request);
  } catch (thrown) {
    result = thrownToRestError(thrown, deps.logger, request);
  }

  if (!isRestError(result)) {
    const permission = await checkPermission(deps, request, endpoint);
    if (permission !== true) result = permission;
  }

  if (!isRestError(result)) {
    try {
      result = await endpoint.callback(request);
    } catch (thrown) {
      result = thrownToRestError(thrown, deps.logger, request);
    }
  }

  try {
    result = await deps.hooks.applyFilters('rest_request_after_callbacks', result, handler, request);
  } catch (thrown) {
    result = thrownToRestError(thrown, deps.logger, request);
  }
  return ensureResponse(result);
}

/** true, or the error to answer with: `false`/null from the callback is WordPress's rest_forbidden (401/403). */
async function checkPermission(deps: RespondDeps, request: RestRequest, endpoint: Endpoint): Promise<true | RestError> {
  try {
    const permission: unknown = await endpoint.permissionCallback(request);
    if (isRestError(permission)) return permission;
    if (permission === false || permission === null || permission === undefined) return forbiddenError(request.user);
    return true;
  } catch (thrown) {
    return thrownToRestError(thrown, deps.logger, request);
  }
}
