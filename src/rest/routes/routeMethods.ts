/** The HTTP methods a REST endpoint may answer. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** A method as WordPress accepts it: any case (register_rest_route upper-cases it). */
export type MethodName = HttpMethod | Lowercase<HttpMethod>;

/**
 * WP_REST_Server's method constants, for `methods` written as WordPress's comma-separated strings:
 * https://github.com/WordPress/wordpress-develop/blob/trunk/src/wp-includes/rest-api/class-wp-rest-server.php
 */
export const READABLE = 'GET';
export const CREATABLE = 'POST';
export const EDITABLE = 'POST, PUT, PATCH';
export const DELETABLE = 'DELETE';
export const ALLMETHODS = 'GET, POST, PUT, PATCH, DELETE';

/**
 * What `methods` may be without the literal at hand (an endpoint stored in a variable typed `RouteEndpoint`): one
 * method, a list of methods, or one of WP_REST_Server's comma strings. Inside a `registerRoute` call any comma
 * string is checked method by method (see ValidMethods).
 */
export type MethodSpec = MethodName | readonly MethodName[] | typeof EDITABLE | typeof ALLMETHODS;

type Trim<S extends string> = S extends ` ${infer Rest}` ? Trim<Rest> : S extends `${infer Rest} ` ? Trim<Rest> : S;

/** Whether a comma-separated string names only HTTP methods (any case, spaces around commas allowed). */
type IsMethodList<S extends string> = S extends `${infer Head},${infer Tail}`
  ? Uppercase<Trim<Head>> extends HttpMethod
    ? IsMethodList<Tail>
    : false
  : Uppercase<Trim<S>> extends HttpMethod
    ? true
    : false;

/**
 * `M` when it is a valid `methods` value — 'GET', 'post', ['POST', 'PUT'], 'POST, PUT, PATCH' — else `never`, so
 * `methods: 'GETT'` or `'POST, GETT'` does not compile. A `string` whose value is unknown at compile time is refused:
 * write the literal, or type it `MethodSpec`.
 */
export type ValidMethods<M> = M extends string
  ? string extends M
    ? never
    : IsMethodList<M> extends true
      ? M
      : never
  : M extends readonly MethodName[]
    ? M
    : never;
