import type { RouteArgs, RouteEndpoint, SchemaProvider } from '../types';
import { compileRoutePattern, routeHasVariables } from './routePattern';

/** One registered endpoint of a route, normalized once at registration. */
export interface Endpoint {
  /** Upper-case methods in registration order. */
  methods: string[];
  methodSet: ReadonlySet<string>;
  callback: RouteEndpoint['callback'];
  permissionCallback: RouteEndpoint['permissionCallback'];
  args: RouteArgs | (() => RouteArgs | Promise<RouteArgs>);
  showInIndex: boolean;
}

export interface RouteEntry {
  /** The pattern as registered, e.g. `/wc/v2/customers/(?P<id>[\d]+)`; also the key routes are reported under. */
  route: string;
  namespace: string;
  regex: RegExp;
  hasVariables: boolean;
  endpoints: Endpoint[];
  schema?: SchemaProvider;
}

export interface RouteMatch {
  entry: RouteEntry;
  endpoint: Endpoint;
  urlParams: Record<string, string>;
}

/**
 * The routes, in registration order, with WordPress's matching rules: routes of the namespaces the path starts with
 * are tried first (all routes when none does), the first route whose pattern matches and that has an endpoint for
 * the method wins, and HEAD falls back to a GET endpoint. Patterns are compiled once, at registration.
 */
export class RouteTable {
  private readonly routes = new Map<string, RouteEntry>();
  private readonly namespaceRoutes = new Map<string, RouteEntry[]>();

  /** Adds endpoints to a route; registering the same route again merges, as register_rest_route does by default. */
  add(namespace: string, route: string, endpoints: Endpoint[], schema?: SchemaProvider): void {
    let entry = this.routes.get(route);
    if (!entry) {
      entry = {
        route,
        namespace,
        regex: compileRoutePattern(route),
        hasVariables: routeHasVariables(route),
        endpoints: [],
      };
      this.routes.set(route, entry);
    }
    entry.namespace = namespace;
    entry.endpoints.push(...endpoints);
    if (schema !== undefined) entry.schema = schema;
    if (namespace === '') return;
    const list = this.namespaceRoutes.get(namespace) ?? [];
    if (!list.includes(entry)) list.push(entry);
    this.namespaceRoutes.set(namespace, list);
  }

  hasNamespace(namespace: string): boolean {
    return this.namespaceRoutes.has(namespace);
  }

  namespaces(): string[] {
    return Array.from(this.namespaceRoutes.keys());
  }

  all(): IterableIterator<RouteEntry> {
    return this.routes.values();
  }

  inNamespace(namespace: string): RouteEntry[] {
    return this.namespaceRoutes.get(namespace) ?? [];
  }

  /** WP_REST_Server::match_request_to_handler. */
  match(path: string, method: string): RouteMatch | null {
    const scoped = this.scopeFor(path);
    for (const entry of scoped) {
      const found = exec(entry, path);
      if (!found) continue;
      for (const endpoint of entry.endpoints) {
        const checked = method === 'HEAD' && !endpoint.methodSet.has('HEAD') ? 'GET' : method;
        if (endpoint.methodSet.has(checked)) return { entry, endpoint, urlParams: found };
      }
    }
    return null;
  }

  /** The first route whose pattern matches, whatever its methods (how rest_handle_options_request looks up routes). */
  matchAnyMethod(path: string): { entry: RouteEntry; urlParams: Record<string, string> } | null {
    for (const entry of this.routes.values()) {
      const found = exec(entry, path);
      if (found) return { entry, urlParams: found };
    }
    return null;
  }

  /** The routes of the namespaces that prefix the path, or every route when none does. */
  private scopeFor(path: string): Iterable<RouteEntry> {
    const trimmed = path.replace(/^\/+/, '');
    const prefix = trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
    let scoped: RouteEntry[] | null = null;
    for (const [namespace, list] of this.namespaceRoutes) {
      if (!prefix.startsWith(namespace)) continue;
      scoped = scoped === null ? list : [...scoped, ...list.filter((entry) => !scoped?.includes(entry))];
    }
    return scoped ?? this.routes.values();
  }
}

function exec(entry: RouteEntry, path: string): Record<string, string> | null {
  const match = entry.regex.exec(path);
  if (!match) return null;
  const params: Record<string, string> = {};
  if (match.groups) {
    for (const [name, value] of Object.entries(match.groups)) if (value !== undefined) params[name] = value;
  }
  return params;
}
