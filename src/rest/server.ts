import { createDispatcher } from './dispatch';
import { createRestRouter } from './express/createRestRouter';
import { createHandler } from './handle';
import { namespaceIndexEndpoint, siteIndexEndpoint } from './routes/indexRoutes';
import { normalizeEndpoint } from './routes/normalizeEndpoint';
import { compileRoutePattern } from './routes/routePattern';
import { RouteTable } from './routes/RouteTable';
import type { Authenticator, RestServer, RestServerOptions, RouteEndpoint, SchemaProvider } from './types';

/**
 * Creates a REST server: WordPress's route registry and request pipeline (WP_REST_Server), with the site index at
 * `/` and an index for each namespace, plus an Express router that serves it over HTTP.
 */
export function createRestServer({ hooks, logger, siteInfo }: RestServerOptions): RestServer {
  const routes = new RouteTable();
  const authenticators: Authenticator[] = [];

  const server: RestServer = {
    registerRoute,
    addAuthenticator: (authenticator) => {
      authenticators.push(authenticator);
    },
    namespaces: () => routes.namespaces(),
    dispatch: async (request) => (await dispatch(request)).response,
    handle: (request) => handle(request),
    router: (options) => createRestRouter(handle, options, logger),
  };
  const dispatch = createDispatcher({ routes, hooks, logger, server });
  const handle = createHandler({ dispatch, authenticators, hooks, logger, server });

  routes.add('', '/', [normalizeEndpoint('/', siteIndexEndpoint({ routes, hooks, siteInfo }))]);
  return server;

  /** register_rest_route: `/{namespace}/{route}`; the first route of a namespace also registers its index. */
  function registerRoute(
    namespace: string,
    route: string,
    endpoints: RouteEndpoint | readonly RouteEndpoint[],
    schema?: SchemaProvider,
  ): void {
    const cleanNamespace = namespace.replace(/^\/+|\/+$/g, '');
    if (cleanNamespace === '') throw new Error(`REST routes must be namespaced; "${route}" has an empty namespace.`);
    if (route === '') throw new Error(`A REST route must be specified in the namespace "${cleanNamespace}".`);
    const fullRoute = `/${cleanNamespace}/${route.replace(/^\/+|\/+$/g, '')}`;
    compileRoutePattern(fullRoute);
    const normalized = (isEndpointList(endpoints) ? endpoints : [endpoints]).map((endpoint) =>
      normalizeEndpoint(fullRoute, endpoint),
    );

    if (!routes.hasNamespace(cleanNamespace)) {
      const indexRoute = `/${cleanNamespace}`;
      routes.add(cleanNamespace, indexRoute, [
        normalizeEndpoint(indexRoute, namespaceIndexEndpoint(routes, cleanNamespace)),
      ]);
    }
    routes.add(cleanNamespace, fullRoute, normalized, schema);
  }
}

/** Array.isArray does not narrow a readonly array out of a union. */
function isEndpointList(endpoints: RouteEndpoint | readonly RouteEndpoint[]): endpoints is readonly RouteEndpoint[] {
  return Array.isArray(endpoints);
}
