import type { RequestHandler } from 'express';
import type { Hooks } from '../hooks/types';
import type { Logger } from '../host/types';
import type { RestError } from './RestError';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';

import type { MethodSpec, ValidMethods } from './routes/routeMethods';
import type { RouteParams } from './routes/routeParams';

export type { HttpMethod, MethodName, MethodSpec, ValidMethods } from './routes/routeMethods';
export type { RouteParams, SchemaValue } from './routes/routeParams';

/** The JSON types WordPress's schema functions know; others are tolerated (with a warning in WordPress). */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';
/** `JsonType` or any other name: the `string & {}` keeps written literals (`'integer'`) from widening to string. */
type SchemaTypeName = JsonType | (string & {});

/** A JSON schema as WordPress writes them (draft-04 plus WordPress's `context`, `readonly`, `arg_options`…). */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  type?: SchemaTypeName | SchemaTypeName[];
  description?: string;
  enum?: readonly unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  /** In an object property: whether the key must be present (WordPress style, boolean). */
  required?: boolean | string[];
  context?: string[];
  readonly?: boolean;
  uniqueItems?: boolean;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  patternProperties?: Record<string, JsonSchema>;
  minProperties?: number;
  maxProperties?: number;
  multipleOf?: number;
  /** In an item schema property: route-argument options merged into the endpoint arg (e.g. a `sanitizeCallback`). */
  arg_options?: Partial<RouteArg>;
  [key: string]: unknown;
}

/**
 * A route argument: a JSON schema plus WordPress's `required`, `validate_callback` and `sanitize_callback`.
 * Without `validateCallback` the value is validated against the schema (`rest_validate_request_arg`);
 * without `sanitizeCallback` it is coerced by the schema (`rest_sanitize_request_arg`).
 */
export interface RouteArg extends JsonSchema {
  required?: boolean;
  /** true = valid; false = generic "Invalid parameter."; a RestError = that error (its message goes in data.params). */
  validateCallback?: (
    value: unknown,
    request: RestRequest,
    param: string,
  ) => boolean | RestError | Promise<boolean | RestError>;
  sanitizeCallback?: (value: unknown, request: RestRequest, param: string) => unknown;
}

export type RouteArgs = Record<string, RouteArg>;

/** What a callback may return: JSON-able data or a RestResponse. */
export type RouteResult = unknown;

/**
 * One endpoint of a route. Written inside `registerRoute(...)`, `A` (the args), `M` (the methods) and `R` (the route
 * pattern) are inferred, so the callbacks' `request.param('x')` has the type `args.x` declares (see RouteParams) and
 * an undeclared name or a misspelled method does not compile. Without them (`RouteEndpoint`) every parameter is
 * `unknown`, as before.
 */
export interface RouteEndpoint<A extends RouteArgs = RouteArgs, M = MethodSpec, R extends string = string> {
  /** 'GET', ['POST', 'PUT', 'PATCH'], or WordPress's comma string 'POST, PUT, PATCH' (any case). */
  methods: ValidMethods<M>;
  /** May return a promise (RouteResult is `unknown`, so it covers one). */
  callback: (request: RestRequest<RouteParams<A, R>>) => RouteResult;
  /** Required. true allows; false → 401/403 `rest_forbidden`; a thrown RestError is answered as is. */
  permissionCallback: (request: RestRequest<RouteParams<A, R>>) => boolean | Promise<boolean>;
  /** The arguments, or a function computing them when the route is served (e.g. from options). */
  args?: A | (() => A | Promise<A>);
  /** Hide this endpoint from the index. */
  showInIndex?: boolean;
}

export type SchemaProvider = JsonSchema | (() => JsonSchema | Promise<JsonSchema>);

/** Decides who a request runs as; throws a RestError to refuse it (before routing, like rest_authentication_errors). */
export type Authenticator = (request: RestRequest) => Promise<void>;

export interface RestApi {
  /**
   * WordPress's register_rest_route: `registerRoute('wc/v2', '/customers/(?P<id>[\\d]+)', [...], schema)`. Up to
   * five endpoints written in the call are typed one by one (each its own args and methods); a longer list, or
   * endpoints built elsewhere, are taken as plain `RouteEndpoint`s.
   */
  registerRoute<const R extends string, const A1 extends RouteArgs, const M1>(
    namespace: string,
    route: R,
    endpoints: RouteEndpoint<A1, M1, R> | readonly [RouteEndpoint<A1, M1, R>],
    schema?: SchemaProvider,
  ): void;
  registerRoute<const R extends string, const A1 extends RouteArgs, const M1, const A2 extends RouteArgs, const M2>(
    namespace: string,
    route: R,
    endpoints: readonly [RouteEndpoint<A1, M1, R>, RouteEndpoint<A2, M2, R>],
    schema?: SchemaProvider,
  ): void;
  registerRoute<
    const R extends string,
    const A1 extends RouteArgs,
    const M1,
    const A2 extends RouteArgs,
    const M2,
    const A3 extends RouteArgs,
    const M3,
  >(
    namespace: string,
    route: R,
    endpoints: readonly [RouteEndpoint<A1, M1, R>, RouteEndpoint<A2, M2, R>, RouteEndpoint<A3, M3, R>],
    schema?: SchemaProvider,
  ): void;
  registerRoute<
    const R extends string,
    const A1 extends RouteArgs,
    const M1,
    const A2 extends RouteArgs,
    const M2,
    const A3 extends RouteArgs,
    const M3,
    const A4 extends RouteArgs,
    const M4,
  >(
    namespace: string,
    route: R,
    endpoints: readonly [
      RouteEndpoint<A1, M1, R>,
      RouteEndpoint<A2, M2, R>,
      RouteEndpoint<A3, M3, R>,
      RouteEndpoint<A4, M4, R>,
    ],
    schema?: SchemaProvider,
  ): void;
  registerRoute<
    const R extends string,
    const A1 extends RouteArgs,
    const M1,
    const A2 extends RouteArgs,
    const M2,
    const A3 extends RouteArgs,
    const M3,
    const A4 extends RouteArgs,
    const M4,
    const A5 extends RouteArgs,
    const M5,
  >(
    namespace: string,
    route: R,
    endpoints: readonly [
      RouteEndpoint<A1, M1, R>,
      RouteEndpoint<A2, M2, R>,
      RouteEndpoint<A3, M3, R>,
      RouteEndpoint<A4, M4, R>,
      RouteEndpoint<A5, M5, R>,
    ],
    schema?: SchemaProvider,
  ): void;
  registerRoute(
    namespace: string,
    route: string,
    endpoints: RouteEndpoint | readonly RouteEndpoint[],
    schema?: SchemaProvider,
  ): void;
  /** Adds an authenticator; they run in the order added until one sets `request.user` or throws. */
  addAuthenticator(authenticator: Authenticator): void;
  /** Registered namespaces, in registration order. */
  namespaces(): string[];
  /** Serves a request internally (no HTTP), as rest_do_request does: same validation, permissions and hooks. */
  dispatch(request: RestRequest): Promise<RestResponse>;
}

/** The site data the REST index (`GET /wp-json/`) shows; the host reads it from `wp_options`. */
export interface SiteInfo {
  name: string;
  description: string;
  url: string;
  home: string;
  gmt_offset: string | number;
  timezone_string: string;
}

/** A matched endpoint as hooks see it (WordPress passes the `$handler` array): arguments already resolved. */
export interface RouteHandler {
  /** The route pattern, e.g. `/wc/v2/customers/(?P<id>[\d]+)`. */
  route: string;
  namespace: string;
  /** Upper-case methods, in registration order. */
  methods: string[];
  callback: RouteEndpoint['callback'];
  permissionCallback: RouteEndpoint['permissionCallback'];
  args: RouteArgs;
  showInIndex: boolean;
}

export interface RestRouterOptions {
  /** Believe `X-Forwarded-Proto: https` from the proxy. */
  trustProxy: boolean;
  /** The site's home URL; when null the REST root is built from the request's protocol, Host and mount path. */
  homeUrl: string | null;
  /** Past this many ms (from the body's arrival) the client gets 503 `wc_host_db_unavailable`; 0 or unset = no deadline. */
  requestTimeoutMs?: number;
}

export interface RestServerOptions {
  hooks: Hooks;
  logger: Logger;
  siteInfo: () => Promise<SiteInfo>;
}

/** The REST server: route registry, WordPress's request pipeline, and its Express adapter. */
export interface RestServer extends RestApi {
  /** WP_REST_Server::serve_request without the bytes: authentication, dispatch, global params, headers. Never throws. */
  handle(request: RestRequest): Promise<RestResponse>;
  /** Serves `/wp-json`, `/wp-json/*` and `/?rest_route=`; mount it at the site root. */
  router(options: RestRouterOptions): RequestHandler;
}
