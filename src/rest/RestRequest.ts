import type { AuthenticatedKey, CurrentUser } from '../auth/types';
import type { HttpMethod } from './types';

export interface RestRequestInit {
  /** Any HTTP method as the client sent it; upper-cased into `method`. */
  method: string;
  /** The REST path as requested, without the `/wp-json` prefix: `/wc/v2/customers/5`. */
  path: string;
  headers?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  /** Parameters parsed from a JSON body (null when the body was not JSON). */
  jsonBody?: Record<string, unknown> | null;
  /** Parameters parsed from a form body (urlencoded). */
  formBody?: Record<string, unknown> | null;
  /** The raw body text, when there was one. */
  rawBody?: string;
  /** Absolute URL of the REST root, e.g. `http://127.0.0.1:8080/wp-json`, used by `restUrl()`. */
  restRoot?: string;
  /** Whether the connection is HTTPS (directly, or through a trusted proxy). */
  secure?: boolean;
  /** Client address as seen by the socket (not through proxies). */
  remoteAddress?: string;
  /** Whether the request came through a proxy (Forwarded / X-Forwarded-* headers present). */
  proxied?: boolean;
  /** The client's address: the socket's peer, or with TRUST_PROXY the address the proxy saw (default: remoteAddress). */
  clientAddress?: string;
}

/**
 * WordPress's WP_REST_Request: parameters merged in WordPress's priority order
 * (JSON body, form body, query string, URL parameters, defaults).
 *
 * `P` types `param()`: a route callback's request has its route's RouteParams (src/rest/routes/routeParams.ts), so
 * only declared names compile and each has its schema's type; elsewhere every name gives `unknown`.
 */
export class RestRequest<P extends object = Record<string, unknown>> {
  method: HttpMethod;
  readonly path: string;
  /** The matched route pattern, e.g. `/wc/v2/customers/(?P<id>[\d]+)` (empty until matched). */
  route = '';
  readonly headers: Record<string, string | undefined>;
  query: Record<string, unknown>;
  jsonBody: Record<string, unknown> | null;
  formBody: Record<string, unknown> | null;
  readonly rawBody: string;
  urlParams: Record<string, string> = {};
  defaults: Record<string, unknown> = {};
  readonly restRoot: string;
  readonly secure: boolean;
  readonly remoteAddress: string;
  readonly proxied: boolean;
  readonly clientAddress: string;
  user: CurrentUser | null = null;
  apiKey: AuthenticatedKey | null = null;
  /** Free storage for plugins and hooks during one request. */
  readonly locals = new Map<string, unknown>();

  constructor(init: RestRequestInit) {
    this.method = String(init.method).toUpperCase() as HttpMethod;
    this.path = init.path;
    this.headers = lowerCaseKeys(init.headers ?? {});
    this.query = init.query ?? {};
    this.jsonBody = init.jsonBody ?? null;
    this.formBody = init.formBody ?? null;
    this.rawBody = init.rawBody ?? '';
    this.restRoot = (init.restRoot ?? '').replace(/\/+$/, '');
    this.secure = init.secure ?? false;
    this.remoteAddress = init.remoteAddress ?? '';
    this.proxied = init.proxied ?? false;
    this.clientAddress = init.clientAddress ?? this.remoteAddress;
  }

  /** The body parameters (JSON wins over form, as WordPress orders them). */
  get body(): Record<string, unknown> {
    return { ...(this.formBody ?? {}), ...(this.jsonBody ?? {}) };
  }

  /** Every parameter, merged with WordPress's priority (highest wins): JSON, form, query, URL, defaults. */
  get params(): Record<string, unknown> {
    return { ...this.defaults, ...this.urlParams, ...this.query, ...(this.formBody ?? {}), ...(this.jsonBody ?? {}) };
  }

  /** One parameter by WordPress's priority; undefined when absent everywhere. */
  param<K extends keyof P & string>(name: K): P[K] {
    for (const source of this.orderedSources()) {
      // The route's arguments were validated and coerced into these sources before any callback sees the request.
      if (source && Object.prototype.hasOwnProperty.call(source, name)) return source[name] as P[K];
    }
    return undefined as P[K];
  }

  hasParam(name: string): boolean {
    return this.orderedSources().some((source) => !!source && Object.prototype.hasOwnProperty.call(source, name));
  }

  /** Sets a parameter where it was found (or in the highest-priority source present), as WP_REST_Request::set_param. */
  setParam(name: string, value: unknown): void {
    for (const source of this.orderedSources()) {
      if (source && Object.prototype.hasOwnProperty.call(source, name)) {
        source[name] = value;
        return;
      }
    }
    const target = this.jsonBody ?? this.formBody ?? this.query;
    target[name] = value;
  }

  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  /** Absolute URL of a REST path: `restUrl('/wc/v2/customers/4')` → `http://host/wp-json/wc/v2/customers/4`. */
  restUrl(path: string): string {
    return this.restRoot + (path.startsWith('/') ? path : `/${path}`);
  }

  private orderedSources(): Array<Record<string, unknown> | null> {
    return [this.jsonBody, this.formBody, this.query, this.urlParams, this.defaults];
  }
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}
