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

/** The defaults the arguments declare (a `null` default counts as none); object defaults are copied per request. */
export function defaultParams(args: RouteArgs): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(args)) {
    const value = arg.default;
    if (value === undefined || value === null) continue;
    defaults[name] = typeof value === 'object' ? structuredClone(value) : value;
  }
  return defaults;
}
