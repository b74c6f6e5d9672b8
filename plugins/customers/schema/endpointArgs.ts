import type { JsonSchema, RouteArgs } from '../../../src/rest/types';
import { getEndpointArgsForItemSchema } from '../../../src/rest';

const MIXED_TYPES = ['null', 'object', 'string', 'number', 'boolean', 'integer', 'array'];

/**
 * WooCommerce's adjust_wp_5_5_datatype_compatibility: WordPress 5.5+ rejects its custom types, so in write args
 * `date-time` becomes ['null','string'] and `mixed` the list of every type (nested properties included).
 */
function adjustCustomTypes<T extends JsonSchema>(schema: T): T {
  const out: JsonSchema = { ...schema };
  if (out.type === 'date-time') out.type = ['null', 'string'];
  if (out.type === 'mixed') out.type = [...MIXED_TYPES];
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([key, value]) => [key, adjustCustomTypes(value)]),
    );
  }
  if (out.items?.properties) {
    out.items = {
      ...out.items,
      properties: Object.fromEntries(
        Object.entries(out.items.properties).map(([key, value]) => [key, adjustCustomTypes(value)]),
      ),
    };
  }
  return out as T;
}

/** get_endpoint_args_for_item_schema(method) as WooCommerce's controllers override it. */
export function itemWriteArgs(schema: JsonSchema, method: 'POST' | 'PUT'): RouteArgs {
  const args = getEndpointArgsForItemSchema(schema, method);
  return Object.fromEntries(Object.entries(args).map(([key, arg]) => [key, adjustCustomTypes(arg)]));
}

/** The schema OPTIONS shows: without the internal `arg_options`. */
export function publicSchema(schema: JsonSchema): JsonSchema {
  const properties = schema.properties ?? {};
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([key, value]) => {
        const { arg_options: _argOptions, ...rest } = value;
        return [key, rest];
      }),
    ),
  };
}
