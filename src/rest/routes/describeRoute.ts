import { ALLOWED_SCHEMA_KEYWORDS } from '../args/allowedSchemaKeywords';
import { isEmpty } from '../php/values';
import type { RouteArgs } from '../types';
import { resolveArgs, resolveSchema } from './resolveArgs';
import type { RouteEntry } from './RouteTable';

/** What an argument shows in indexes and OPTIONS: rest_get_allowed_schema_keywords(). */
const SHOWN_KEYWORDS = new Set<string>(ALLOWED_SCHEMA_KEYWORDS);

/**
 * WP_REST_Server::get_data_for_route: namespace, methods, endpoints with their public arguments (callbacks and
 * internal keys left out, `required` always last), the schema in 'help' context, and a self link for routes
 * without variables. Null when no endpoint is shown in the index. `context` is 'view' for indexes and 'help'
 * for OPTIONS (or `?context=help` on an index).
 */
export async function describeRoute(
  entry: RouteEntry,
  context: string,
  restUrl: (path: string) => string,
): Promise<Record<string, unknown> | null> {
  const methods: string[] = [];
  const endpoints: Array<Record<string, unknown>> = [];
  const data: Record<string, unknown> = { namespace: entry.namespace, methods, endpoints };
  if (entry.schema !== undefined && context === 'help') data.schema = await resolveSchema(entry.schema);

  for (const endpoint of entry.endpoints) {
    if (!endpoint.showInIndex) continue;
    methods.push(...endpoint.methods);
    endpoints.push({ methods: endpoint.methods, args: describeArgs(await resolveArgs(endpoint)) });
    if (!entry.hasVariables) data._links = { self: [{ href: restUrl(entry.route) }] };
  }
  return methods.length === 0 ? null : data;
}

/** get_data_for_routes: every shown route, keyed by its pattern. */
export async function describeRoutes(
  entries: Iterable<RouteEntry>,
  context: string,
  restUrl: (path: string) => string,
): Promise<Record<string, unknown>> {
  const described: Record<string, unknown> = {};
  for (const entry of entries) {
    const data = await describeRoute(entry, context, restUrl);
    if (data !== null) described[entry.route] = data;
  }
  return described;
}

/** PHP encodes an endpoint without arguments as `"args":[]`. */
function describeArgs(args: RouteArgs): Record<string, unknown> | [] {
  const names = Object.keys(args);
  if (names.length === 0) return [];
  const described: Record<string, unknown> = {};
  for (const name of names) {
    const options = args[name];
    const shown: Record<string, unknown> = {};
    for (const [keyword, value] of Object.entries(options)) {
      if (SHOWN_KEYWORDS.has(keyword)) shown[keyword] = value;
    }
    shown.required = !isEmpty(options.required);
    described[name] = shown;
  }
  return described;
}
