import type { RouteArgs, SchemaProvider, JsonSchema } from '../types';
import type { Endpoint } from './RouteTable';

/** The endpoint's arguments: the registered object itself, or the function's result for this request. */
export async function resolveArgs(endpoint: Endpoint): Promise<RouteArgs> {
  if (typeof endpoint.args !== 'function') return endpoint.args;
  const args = await endpoint.args();
  if (args === null || typeof args !== 'object') throw new Error('A REST route args function must return an object.');
  return args;
}

export async function resolveSchema(schema: SchemaProvider): Promise<JsonSchema> {
  return typeof schema === 'function' ? schema() : schema;
}

/**
 * The defaults the arguments declare (a `null` default counts as none). Array and object defaults are copied per
 * request, so a callback changing its value cannot change the next request's default.
 */
export function defaultParams(args: RouteArgs): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(args)) {
    const value = arg.default;
    if (value === undefined || value === null) continue;
    defaults[name] = Array.isArray(value) ? value.slice() : typeof value === 'object' ? { ...value } : value;
  }
  return defaults;
}
