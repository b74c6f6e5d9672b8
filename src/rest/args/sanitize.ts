import { sanitizeTextField } from '../../wp/sanitizeTextField';
import { floatval, intval, isEmpty, strval } from '../php/values';
import type { JsonSchema } from '../types';
import { findAnyMatchingSchema, findOneMatchingSchema } from './combining';
import { sanitizeUrl } from './escUrl';
import { isHexColor } from './formats';
import { findPatternPropertySchema, propertySchema } from './patterns';
import { SchemaError } from './SchemaError';
import {
  BUILT_IN_TYPES,
  isPhpArray,
  resolveMultiType,
  restSanitizeArray,
  restSanitizeBoolean,
  restSanitizeObject,
} from './typeChecks';
import { hasUniqueItems } from './validate';

/**
 * WordPress's rest_sanitize_value_from_schema: coerces a (validated) value to the schema's type — "5" → 5,
 * "false" → false, "1,2" → ["1", "2"] (items coerced too) — and applies the format's sanitizer. Returns a new value
 * (never mutates its input), or a SchemaError when anyOf/oneOf/uniqueItems cannot be satisfied.
 */
export function sanitizeValueFromSchema(value: unknown, schema: JsonSchema, param = ''): unknown {
  let type = schema.type;
  let current = value;
  if (schema.anyOf) {
    const matching = findAnyMatchingSchema(current, schema, param);
    if (matching instanceof SchemaError) return matching;
    type ??= matching.type;
    current = sanitizeValueFromSchema(current, matching, param);
    if (current instanceof SchemaError) return current;
  }
  if (schema.oneOf) {
    const matching = findOneMatchingSchema(current, schema, param);
    if (matching instanceof SchemaError) return matching;
    type ??= matching.type;
    current = sanitizeValueFromSchema(current, matching, param);
    if (current instanceof SchemaError) return current;
  }
  return sanitizeWithType(current, schema, type, param);
}

/** The type-driven part, once anyOf/oneOf have settled the type. */
export function sanitizeWithType(
  value: unknown,
  schema: JsonSchema,
  schemaType: JsonSchema['type'],
  param: string,
): unknown {
  let type = schemaType;
  if (Array.isArray(type)) {
    const best = resolveMultiType(value, type);
    if (best === '') return null;
    type = best;
  }

  switch (type) {
    case 'array':
      return sanitizeArray(value, schema, param);
    case 'object':
      return sanitizeObject(value, schema, param);
    case 'null':
      return null;
    case 'integer':
      return intval(value);
    case 'number':
      return floatval(value);
    case 'boolean':
      return restSanitizeBoolean(value);
  }

  if (schema.format !== undefined && (type === undefined || type === 'string' || !BUILT_IN_TYPES.has(type))) {
    const formatted = sanitizeFormat(value, schema.format);
    if (formatted !== undefined) return formatted;
  }
  return type === 'string' ? strval(value) : value;
}

function sanitizeArray(value: unknown, schema: JsonSchema, param: string): unknown {
  const list = restSanitizeArray(value);
  if (schema.items && !isEmpty(schema.items)) {
    for (let index = 0; index < list.length; index++) {
      const item = sanitizeValueFromSchema(list[index], schema.items, `${param}[${index}]`);
      if (item instanceof SchemaError) return item;
      list[index] = item;
    }
  }
  if (schema.uniqueItems && !hasUniqueItems(list)) {
    return new SchemaError('rest_duplicate_items', `${param} has duplicate items.`);
  }
  return list;
}

function sanitizeObject(value: unknown, schema: JsonSchema, param: string): unknown {
  const source = restSanitizeObject(value);
  // A list stays a list unless a property has to go (PHP's unset would make it an object too).
  const object: Record<string, unknown> | unknown[] =
    Array.isArray(source) && schema.additionalProperties === false ? { ...source } : source;
  const target = object as Record<string, unknown>;
  for (const [property, item] of Object.entries(object)) {
    const childParam = `${param}[${property}]`;
    const childSchema = propertySchema(schema, property) ?? findPatternPropertySchema(property, schema);
    if (childSchema) {
      const sanitized = sanitizeValueFromSchema(item, childSchema, childParam);
      if (sanitized instanceof SchemaError) return sanitized;
      target[property] = sanitized;
    } else if (schema.additionalProperties === false) {
      delete target[property];
    } else if (isPhpArray(schema.additionalProperties)) {
      const sanitized = sanitizeValueFromSchema(item, schema.additionalProperties, childParam);
      if (sanitized instanceof SchemaError) return sanitized;
      target[property] = sanitized;
    }
  }
  return object;
}

/** The format sanitizers; undefined for formats WordPress has none for. */
function sanitizeFormat(value: unknown, format: string): unknown {
  const text = isPhpArray(value) ? '' : strval(value);
  switch (format) {
    case 'hex-color':
      return isHexColor(text) ? text : '';
    case 'date-time':
    case 'email':
    case 'ip':
    case 'uuid':
    case 'text-field':
      return sanitizeTextField(text);
    case 'uri':
      return sanitizeUrl(text);
    default:
      return undefined;
  }
}
