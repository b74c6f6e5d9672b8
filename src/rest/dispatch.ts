import { checkRequestArgs, sanitizeRequestArgs } from './args/requestArgs';
import { ensureResponse, errorResponse, noRouteError, thrownToRestError } from './errors';
import type { Hooks } from '../hooks/types';
import type { Logger } from '../host/types';
import { dropFormBodyUnlessBodyMethod, parseJsonBody } from './requestParams';
import { respondToRequest } from './respondToRequest';
import type { RestRequest } from './RestRequest';
import { RestResponse } from './RestResponse';
import { describeRoute } from './routes/describeRoute';
import { defaultParams, resolveArgs } from './routes/resolveArgs';
import type { RouteEntry, RouteTable } from './routes/RouteTable';
import type { RestApi, RouteHandler } from './types';

/** What dispatching produced, with what the `Allow` header needs to know. */
export interface DispatchOutcome {
  response: RestResponse;
  /** The matched route (null when nothing matched, or a `rest_pre_dispatch` filter answered). */
  route: RouteEntry | null;
}

export interface DispatcherDeps {
  routes: RouteTable;
  hooks: Hooks;
  logger: Logger;
  /** What `rest_pre_dispatch` filters receive as the server. */
  server: RestApi;
}

/**
 * WP_REST_Server::dispatch: `rest_pre_dispatch`, OPTIONS, route matching, the JSON body check, required arguments,
 * validation, sanitization, then respond_to_request. Never throws.
 */
export function createDispatcher(deps: DispatcherDeps): (request: RestRequest) => Promise<DispatchOutcome> {
  const { routes, hooks, logger, server } = deps;

  return async function dispatch(request) {
    try {
      dropFormBodyUnlessBodyMethod(request);
      // Parsed now so hooks and callbacks see JSON parameters; a parse error is reported after route matching.
      const jsonError = parseJsonBody(request);

      const early: unknown = await hooks.applyFilters('rest_pre_dispatch', null, server, request);
      if (early !== null && early !== undefined) return { response: ensureResponse(early), route: null };

      if (request.method === 'OPTIONS') return await answerOptions(request);

      const match = routes.match(request.path, request.method);
      if (!match) return { response: errorResponse(noRouteError()), route: null };

      const { entry, endpoint } = match;
      request.route = entry.route;
      request.urlParams = match.urlParams;
      const args = await resolveArgs(endpoint);
      request.defaults = defaultParams(args);
      const handler: RouteHandler = {
        route: entry.route,
        namespace: entry.namespace,
        methods: endpoint.methods,
        callback: endpoint.callback,
        permissionCallback: endpoint.permissionCallback,
        args,
        showInIndex: endpoint.showInIndex,
      };

      const error = jsonError ?? (await checkRequestArgs(request, args)) ?? (await sanitizeRequestArgs(request, args));
      const response = await respondToRequest({ hooks, logger }, request, handler, endpoint, error);
      return { response, route: entry };
    } catch (thrown) {
      return { response: errorResponse(thrownToRestError(thrown, logger, request)), route: null };
    }
  };

  /** rest_handle_options_request: the first route whose pattern matches describes itself, whatever its methods. */
  async function answerOptions(request: RestRequest): Promise<DispatchOutcome> {
    const found = routes.matchAnyMethod(request.path);
    // WordPress answers an unknown path with an empty array and 200.
    if (!found) return { response: new RestResponse([]), route: null };
    request.route = found.entry.route;
    request.urlParams = found.urlParams;
    const data = await describeRoute(found.entry, 'help', (path) => request.restUrl(path));
    return { response: new RestResponse(data), route: found.entry };
  }
}
