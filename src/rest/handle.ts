import type { Hooks } from '../hooks/types';
import type { Logger } from '../host/types';
import { addAllowHeader } from './allowHeader';
import type { DispatchOutcome } from './dispatch';
import { ensureResponse, errorResponse, thrownToRestError } from './errors';
import { responseToData } from './links';
import { envelopeResponse, wantsEnvelope } from './params/envelope';
import { filterResponseFields } from './params/fields';
import { isValidJsonpCallback, jsonpCallback } from './params/jsonp';
import { applyMethodOverride } from './params/methodOverride';
import { addCorsHeaders, addNoCacheHeaders, replaceHeader } from './responseHeaders';
import type { RestError } from './RestError';
import type { RestRequest } from './RestRequest';
import { RestResponse } from './RestResponse';
import type { Authenticator, RestApi } from './types';

export interface HandleDeps {
  dispatch: (request: RestRequest) => Promise<DispatchOutcome>;
  authenticators: readonly Authenticator[];
  hooks: Hooks;
  logger: Logger;
  /** What `rest_post_dispatch` filters receive as the server. */
  server: RestApi;
}

const EXPOSE_HEADERS = 'X-WP-Total, X-WP-TotalPages, Link';
const ALLOW_HEADERS = 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type';

/**
 * WP_REST_Server::serve_request up to the bytes: JSONP check, server headers, method override, authentication,
 * dispatch, the `rest_post_dispatch` defaults (Allow, `_fields`) and filter, `_envelope`, no-cache and CORS headers.
 * The returned response carries the final status, every header and the body data (with `_links`). Never throws.
 */
export function createHandler(deps: HandleDeps): (request: RestRequest) => Promise<RestResponse> {
  const { dispatch, authenticators, hooks, logger, server } = deps;

  return async function handle(request) {
    const headers: Record<string, string> = {};
    try {
      const originalMethod = request.method;
      const callback = jsonpCallback(request);
      const jsonpEnabled = callback === undefined || Boolean(await hooks.applyFilters('rest_jsonp_enabled', true));
      const contentType = callback !== undefined && jsonpEnabled ? 'application/javascript' : 'application/json';
      headers['Content-Type'] = `${contentType}; charset=UTF-8`;
      headers['X-Robots-Tag'] = 'noindex';
      if (request.restRoot !== '') headers.Link = `<${request.restUrl('/')}>; rel="https://api.w.org/"`;
      headers['X-Content-Type-Options'] = 'nosniff';

      // Like WordPress, a bad callback is refused before anything else runs, with a bare {code, message}.
      if (callback !== undefined && !jsonpEnabled) {
        return new RestResponse(
          { code: 'rest_callback_disabled', message: 'JSONP support is disabled on this site.' },
          400,
          headers,
        );
      }
      if (callback !== undefined && !isValidJsonpCallback(callback)) {
        return new RestResponse(
          { code: 'rest_callback_invalid', message: 'Invalid JSONP callback function.' },
          400,
          headers,
        );
      }

      const override = applyMethodOverride(request);
      headers['Access-Control-Expose-Headers'] = EXPOSE_HEADERS;
      headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS;

      const authError = await authenticate(request);
      const outcome: DispatchOutcome = authError
        ? { response: errorResponse(authError), route: null }
        : await dispatch(request);

      let response = outcome.response;
      await addAllowHeader(response, outcome.route, request, logger);
      response = filterResponseFields(response, request);
      try {
        response = ensureResponse(await hooks.applyFilters('rest_post_dispatch', response, server, request));
      } catch (thrown) {
        response = errorResponse(thrownToRestError(thrown, logger, request));
      }
      if (wantsEnvelope(request)) response = envelopeResponse(response);

      for (const [name, value] of Object.entries(response.headers)) replaceHeader(headers, name, value);
      const status = response.status;
      if (request.user !== null || (override === 'header' && status >= 400 && status < 500)) addNoCacheHeaders(headers);
      addCorsHeaders(headers, request, originalMethod);
      return new RestResponse(responseToData(response), status, headers);
    } catch (thrown) {
      const error = thrownToRestError(thrown, logger, request);
      return new RestResponse(error.toJSON(), error.status, { ...headers, ...error.headers });
    }
  };

  /** The authenticators in order, until one sets the user; a thrown RestError refuses the request before routing. */
  async function authenticate(request: RestRequest): Promise<RestError | null> {
    try {
      for (const authenticator of authenticators) {
        await authenticator(request);
        if (request.user !== null) break;
      }
      return null;
    } catch (thrown) {
      return thrownToRestError(thrown, logger, request);
    }
  }
}
