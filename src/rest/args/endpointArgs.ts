import type { JsonSchema, RouteArg, RouteArgs } from '../types';
import { ALLOWED_SCHEMA_KEYWORDS } from './allowedSchemaKeywords';

/** rest_get_allowed_schema_keywords() without `default` (set only for CREATABLE endpoints, below), in WordPress's order. */
const COPIED_KEYWORDS = ALLOWED_SCHEMA_KEYWORDS.filter(
  (keyword): keyword is Exclude<(typeof ALLOWED_SCHEMA_KEYWORDS)[number], 'default'> => keyword !== 'default',
);

/** WP_REST_Server::CREATABLE. */
const CREATABLE = 'POST';

/**
 * WP_REST_Controller::get_endpoint_args_for_item_schema (rest_get_endpoint_args_for_schema): one route argument per
 * writable property. Only CREATABLE endpoints take `default` and `required` (from the property or its
 * `arg_options`); the arguments validate and sanitize by their schema, as WordPress's callbacks would.
 */
export function getEndpointArgsForItemSchema(schema: JsonSchema, method: string = CREATABLE): RouteArgs {
  const creatable = method === CREATABLE;
  const args: RouteArgs = {};
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (property.readonly) continue;
    const arg: RouteArg = {};
    const keywords: Record<string, unknown> = arg;
    if (creatable && property.default !== undefined && property.default !== null) arg.default = property.default;
    if (creatable && property.required) arg.required = true;
    for (const keyword of COPIED_KEYWORDS) {
      if (property[keyword] !== undefined && property[keyword] !== null) keywords[keyword] = property[keyword];
    }
    if (property.arg_options) {
      // Only CREATABLE endpoints take required/default from arg_options.
      const { required: _required, default: _default, ...editable } = property.arg_options;
      Object.assign(arg, creatable ? property.arg_options : editable);
    }
    args[field] = arg;
  }
  return args;
}
