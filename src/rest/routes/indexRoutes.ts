import type { Hooks } from '../../hooks/types';
import { isFieldIncluded, requestedFields } from '../params/fields';
import { getParam } from '../requestParams';
import { RestError } from '../RestError';
import type { RestRequest } from '../RestRequest';
import { RestResponse } from '../RestResponse';
import type { RouteEndpoint, SiteInfo } from '../types';
import { describeRoutes } from './describeRoute';
import type { RouteTable } from './RouteTable';

interface SiteIndexDeps {
  routes: RouteTable;
  hooks: Hooks;
  siteInfo: () => Promise<SiteInfo>;
}

/** `GET /` — WP_REST_Server::get_index: the site, its namespaces and every route, filtered by `rest_index`. */
export function siteIndexEndpoint({ routes, hooks, siteInfo }: SiteIndexDeps): RouteEndpoint {
  return {
    methods: 'GET',
    args: { context: { default: 'view' } },
    permissionCallback: () => true,
    callback: async (request) => {
      const site = await siteInfo();
      const response = new RestResponse({
        name: site.name,
        description: site.description,
        url: site.url,
        home: site.home,
        gmt_offset: site.gmt_offset,
        timezone_string: site.timezone_string,
        namespaces: routes.namespaces(),
        authentication: {},
        routes: await describeRoutes(routes.all(), contextOf(request), (path) => request.restUrl(path)),
      });
      const fields = requestedFields(request) ?? [];
      if (fields.length === 0) fields.push('_links');
      if (getParam(request, '_embed') !== undefined) fields.push('_embedded');
      if (isFieldIncluded('_links', fields) || isFieldIncluded('_embedded', fields)) {
        response.addLink('help', 'https://developer.wordpress.org/rest-api/');
      }
      return hooks.applyFilters('rest_index', response, request);
    },
  };
}

/** `GET /{namespace}` — WP_REST_Server::get_namespace_index: the namespace's routes and a link up to the index. */
export function namespaceIndexEndpoint(routes: RouteTable, namespace: string): RouteEndpoint {
  return {
    methods: 'GET',
    args: { namespace: { default: namespace }, context: { default: 'view' } },
    permissionCallback: () => true,
    callback: async (request) => {
      const requested = String(getParam(request, 'namespace'));
      if (!routes.hasNamespace(requested)) {
        throw new RestError('rest_invalid_namespace', 'The specified namespace could not be found.', 404);
      }
      const response = new RestResponse({
        namespace: requested,
        routes: await describeRoutes(routes.inNamespace(requested), contextOf(request), (path) =>
          request.restUrl(path),
        ),
      });
      response.addLink('up', request.restUrl('/'));
      return response;
    },
  };
}

function contextOf(request: RestRequest): string {
  const context = getParam(request, 'context');
  return typeof context === 'string' ? context : 'view';
}
