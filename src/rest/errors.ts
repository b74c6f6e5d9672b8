import { RestError, isRestError } from './RestError';
import { RestResponse, isRestResponse } from './RestResponse';
import type { CurrentUser } from '../auth/types';
import type { Logger } from '../host/types';
import type { RestRequest } from './RestRequest';
import { isDatabaseUnavailable } from '../db/outage/databaseUnavailable';

/** rest_convert_error_to_response: `{code, message, data}` with the error's status (and its headers). */
export function errorResponse(error: RestError): RestResponse {
  return new RestResponse(error.toJSON(), error.status, { ...error.headers });
}

/** rest_ensure_response, with errors converted as WordPress does right after. */
export function ensureResponse(result: unknown): RestResponse {
  if (isRestResponse(result)) return result;
  if (isRestError(result)) return errorResponse(result);
  return new RestResponse(result ?? null);
}

export function noRouteError(): RestError {
  return new RestError('rest_no_route', 'No route was found matching the URL and request method.', 404);
}

/** A permission callback said no: 401 for anonymous requests, 403 for a logged-in user (rest_authorization_required_code). */
export function forbiddenError(user: CurrentUser | null): RestError {
  return new RestError('rest_forbidden', 'Sorry, you are not allowed to do that.', user ? 403 : 401);
}

/** What an unexpected exception becomes: a generic 500 (the details go to the log, never to the client). */
export function internalServerError(): RestError {
  return new RestError('internal_server_error', 'There has been a critical error on this website.', 500);
}

/** How long a client is asked to wait before trying again after a 503 (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database is down, unreachable or too slow, or the request passed its deadline: try again later. The outage is
 * logged once by the database's outage tracker, not per request.
 */
export function databaseUnavailableError(
  message = 'The database is not available right now. Please try again shortly.',
): RestError {
  return new RestError('wc_host_db_unavailable', message, 503, {}, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

/**
 * A thrown value as the error to answer with: a RestError as it is; a database that is unavailable (see
 * isDatabaseUnavailable) a 503; anything else is a bug, logged with its stack and answered with a generic 500.
 */
export function thrownToRestError(thrown: unknown, logger: Logger, request: RestRequest): RestError {
  if (isRestError(thrown)) return thrown;
  if (isDatabaseUnavailable(thrown)) {
    logger.debug('REST request failed: the database is unavailable', { method: request.method, path: request.path });
    return databaseUnavailableError();
  }
  logger.error('REST request failed with an unexpected error', {
    method: request.method,
    path: request.path,
    route: request.route,
    error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
  });
  return internalServerError();
}
