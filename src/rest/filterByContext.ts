import { findAnyMatchingSchema, findOneMatchingSchema } from './args/combining';
import { SchemaError } from './args/SchemaError';
import { isPhpArray, readKey, restIsArray } from './args/typeChecks';
import { findPatternPropertySchema, propertySchema } from './args/patterns';
import type { JsonSchema } from './types';

/**
 * WordPress's rest_filter_response_by_context (WP_REST_Controller::filter_response_by_context): removes the
 * properties whose schema `context` does not list `context`, in nested objects and arrays of objects too.
 * Returns a filtered copy; the input is not modified.
 */
export function filterResponseByContext(data: unknown, schema: JsonSchema, context: string): unknown {
  let type = schema.type;
  let current = data;
  if (schema.anyOf) {
    const matching = findAnyMatchingSchema(current, schema, '');
    if (!(matching instanceof SchemaError)) {
      type ??= matching.type;
      current = filterResponseByContext(current, matching, context);
    }
  }
  if (schema.oneOf) {
    const matching = findOneMatchingSchema(current, schema, '', true);
    if (!(matching instanceof SchemaError)) {
      type ??= matching.type;
      current = filterResponseByContext(current, matching, context);
    }
  }
  if (!isPhpArray(current)) return current;
  if (type === undefined) {
    if (!schema.properties) return current;
    type = 'object'; // WordPress's back-compat for a schema that forgot its type.
  }

  const types = Array.isArray(type) ? type : [type];
  let isArrayType = types.includes('array');
  let isObjectType = types.includes('object');
  if (isArrayType && isObjectType) {
    if (restIsArray(current)) isObjectType = false;
    else isArrayType = false;
  }
  const additional = isObjectType && isPhpArray(schema.additionalProperties) ? schema.additionalProperties : undefined;

  const source = current;
  const filtered: Record<string, unknown> | unknown[] = Array.isArray(source) ? source.slice() : { ...source };
  for (const key of Object.keys(source)) {
    const value = readKey(source, key);
    let check: JsonSchema | undefined;
    if (isArrayType) {
      check = schema.items;
    } else if (isObjectType) {
      check = propertySchema(schema, key) ?? findPatternPropertySchema(key, schema) ?? additional;
    }
    if (!check?.context) continue;

    if (!check.context.includes(context)) {
      // Every item of an array shares one schema: none of them belongs in this context.
      if (isArrayType) return [];
      delete (filtered as Record<string, unknown>)[key];
    } else if (isPhpArray(value)) {
      (filtered as Record<string, unknown>)[key] = filterResponseByContext(value, check, context);
    }
  }
  return filtered;
}
