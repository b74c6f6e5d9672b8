/**
 * The TypeScript type of each parameter a route's `args` declare, as the callback receives it. The dispatcher
 * validates every present argument against its schema and coerces it (src/rest/args/requestArgs.ts, sanitize.ts)
 * before the permission and route callbacks run, so `type: 'integer'` arrives as a number, `'boolean'` as a
 * boolean, `'array'` as an array of its items' type, and an `enum` as one of its values.
 *
 * Covered keywords: `type` (one or a list), `enum`, `items`, `properties` with WordPress's `required: true` or
 * draft-04's `required: [...]`, `additionalProperties`, `anyOf`/`oneOf`, `default`, `required`, and a
 * `sanitizeCallback` (its return type wins: it replaces the schema's coercion). A type the host does not know
 * (WordPress tolerates them) or no type gives `unknown`. A parameter is `| undefined` unless it is required or has a
 * non-null default (defaults fill in missing parameters).
 *
 * Why not json-schema-to-ts: WordPress marks required object properties with `required: true` on the property,
 * which draft-07 tools read as a schema keyword of the property instead; and args are a map of schemas plus
 * callbacks, not one schema.
 */

/** Values of the JSON types, once coerced by rest_sanitize_value_from_schema. */
type TypeValue<T, S> = T extends 'string'
  ? string
  : T extends 'integer' | 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? S extends { items: infer Items }
            ? Array<SchemaValue<Items>>
            : unknown[]
          : T extends 'object'
            ? ObjectValue<S>
            : unknown;

type RequiredNames<S> = S extends { required: readonly (infer Name)[] } ? Name : never;

type IsRequiredProperty<S, Name, Property> =
  Name extends RequiredNames<S> ? true : Property extends { required: true } ? true : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** An object's declared properties (required ones always present), and whatever else it may hold. */
type ObjectValue<S> = S extends { properties: infer Properties }
  ? Simplify<
      {
        -readonly [
          K in keyof Properties as IsRequiredProperty<S, K, Properties[K]> extends true ? K : never
        ]: SchemaValue<Properties[K]>;
      } & {
        -readonly [
          K in keyof Properties as IsRequiredProperty<S, K, Properties[K]> extends true ? never : K
        ]?: SchemaValue<Properties[K]>;
      } & (S extends { additionalProperties: false } ? unknown : { [key: string]: unknown })
    >
  : S extends { additionalProperties: infer Extra extends object }
    ? { [key: string]: SchemaValue<Extra> }
    : { [key: string]: unknown };

/** The value a schema admits, after coercion. */
export type SchemaValue<S> = S extends { sanitizeCallback: (...args: never[]) => infer Sanitized }
  ? Awaited<Sanitized>
  : S extends { enum: readonly (infer Member)[] }
    ? Member
    : S extends { anyOf: readonly (infer Option)[] }
      ? SchemaValue<Option>
      : S extends { oneOf: readonly (infer Option)[] }
        ? SchemaValue<Option>
        : S extends { type: infer Type }
          ? Type extends readonly (infer Each)[]
            ? TypeValue<Each, S>
            : TypeValue<Type, S>
          : unknown;

/** Missing unless required or defaulted (a `null` default counts as none, as in src/rest/routes/resolveArgs.ts). */
type MaybeMissing<Arg> = Arg extends { required: true }
  ? never
  : Arg extends { default: NonNullable<unknown> }
    ? never
    : undefined;

/** The variables of a route pattern: `/customers/(?P<id>[\d]+)` → 'id'. */
export type RouteVariables<Route extends string> = Route extends `${string}(?P<${infer Name}>${infer Rest}`
  ? Name | RouteVariables<Rest>
  : never;

/**
 * What `request.param(name)` returns on a route: each declared argument's value, and each route variable the args
 * do not declare as the matched text. For untyped args (`RouteArgs`) every name is allowed and gives `unknown`.
 */
export type RouteParams<Args, Route extends string = string> = Simplify<
  { -readonly [Name in keyof Args]: SchemaValue<Args[Name]> | MaybeMissing<Args[Name]> } & {
    [Name in Exclude<RouteVariables<Route>, keyof Args>]: string;
  }
>;
