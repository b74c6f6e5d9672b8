import { parseQuery } from '../php/parseStr';
import { urldecode } from '../php/urlEncoding';

/** PHP's max_input_vars: request variables past it are ignored. */
export const MAX_INPUT_VARS = 1000;

export interface RestLocation {
  /** The REST route requested, e.g. `/wc/v2/customers/5`. */
  path: string;
  /** The query string parsed as PHP parses `$_GET`. */
  query: Record<string, unknown>;
}

/** A `rest_route` that is not a string (`?rest_route[]=x`), which WordPress refuses with 400. */
export const INVALID_REST_ROUTE = 'invalid-rest-route';

/**
 * Whether a URL (relative to where the router is mounted) is a REST request, as WordPress's rewrite rules and the
 * `rest_route` query variable decide: `/wp-json`, `/wp-json/…`, or `/?rest_route=/…` (also `/index.php?rest_route=`).
 * The route is URL-decoded once and loses trailing slashes; null means "not ours".
 */
export function locateRestRequest(url: string): RestLocation | typeof INVALID_REST_ROUTE | null {
  const hashAt = url.indexOf('#');
  const target = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : target.slice(queryAt + 1);

  if (rawPath === '/wp-json' || rawPath.startsWith('/wp-json/')) {
    return {
      path: routeFrom(urldecode(rawPath.slice('/wp-json'.length))),
      query: parseQuery(rawQuery, { maxVars: MAX_INPUT_VARS }),
    };
  }
  if ((rawPath === '/' || rawPath === '/index.php') && rawQuery.includes('rest_route')) {
    const query = parseQuery(rawQuery, { maxVars: MAX_INPUT_VARS });
    const route = query.rest_route;
    if (route === undefined || route === '' || route === '0') return null;
    if (typeof route !== 'string') return INVALID_REST_ROUTE;
    return { path: routeFrom(route), query };
  }
  return null;
}

/** untrailingslashit, and "/" for an empty route. */
function routeFrom(route: string): string {
  const trimmed = route.replace(/[/\\]+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
