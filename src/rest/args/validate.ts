import { phpJsonEncode } from '../json/encode';
import { floatval, isNumeric, isScalar, strval } from '../php/values';
import type { JsonSchema } from '../types';
import { findAnyMatchingSchema, findOneMatchingSchema } from './combining';
import { isEmail } from '../../wp/isEmail';
import { isHexColor, isIpAddress, isRfc3339Date, isUuid } from './formats';
import { findPatternPropertySchema, matchesSchemaPattern, propertySchema } from './patterns';
import { sanitizeWithType } from './sanitize';
import { SchemaError, invalidType } from './SchemaError';
import {
  BUILT_IN_TYPES,
  isPhpArray,
  readKey,
  resolveMultiType,
  restIsArray,
  restIsBoolean,
  restIsInteger,
  restIsObject,
  restSanitizeArray,
} from './typeChecks';
import { asInteger, formatCount, listWords, plural } from './wording';

type Validity = true | SchemaError;

/**
 * WordPress's rest_validate_value_from_schema (WP 6.x wording): `true`, or the first problem found. Types WordPress
 * does not know (WooCommerce's 'date-time', 'bool', 'mixed') accept any value, as WordPress lets them through.
 */
export function validateValueFromSchema(value: unknown, schema: JsonSchema, param = ''): Validity {
  let type = schema.type;
  if (schema.anyOf) {
    const matching = findAnyMatchingSchema(value, schema, param);
    if (matching instanceof SchemaError) return matching;
    if (type === undefined && matching.type !== undefined) type = matching.type;
  }
  if (schema.oneOf) {
    const matching = findOneMatchingSchema(value, schema, param);
    if (matching instanceof SchemaError) return matching;
    if (type === undefined && matching.type !== undefined) type = matching.type;
  }
  if (Array.isArray(type)) {
    const best = resolveMultiType(value, type);
    if (best === '') return invalidType(param, type.join(','));
    type = best;
  }

  const typeValidity = validateType(value, schema, type, param);
  if (typeValidity !== true) return typeValidity;

  if (schema.enum && schema.enum.length > 0) {
    const inEnum = validateEnum(value, schema, type, param);
    if (inEnum !== true) return inEnum;
  }

  // WordPress applies "format" to strings, and (for backward compatibility) to untyped or oddly typed values.
  if (schema.format !== undefined && (type === undefined || type === 'string' || !BUILT_IN_TYPES.has(type))) {
    return validateFormat(value, schema.format, param);
  }
  return true;
}

function validateType(value: unknown, schema: JsonSchema, type: string | undefined, param: string): Validity {
  switch (type) {
    case 'null':
      return value === null || value === undefined ? true : invalidType(param, 'null');
    case 'boolean':
      return restIsBoolean(value) ? true : invalidType(param, 'boolean');
    case 'object':
      return validateObject(value, schema, param);
    case 'array':
      return validateArray(value, schema, param);
    case 'number':
      return validateNumber(value, schema, 'number', param);
    case 'string':
      return validateString(value, schema, param);
    case 'integer': {
      const asNumber = validateNumber(value, schema, 'integer', param);
      if (asNumber !== true) return asNumber;
      return restIsInteger(value) ? true : invalidType(param, 'integer');
    }
    default:
      return true;
  }
}

function validateObject(value: unknown, schema: JsonSchema, param: string): Validity {
  if (!restIsObject(value)) return invalidType(param, 'object');
  const object = isPhpArray(value) ? value : {};

  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (!Object.hasOwn(object, name)) return requiredProperty(name, param);
    }
  } else if (schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (property?.required === true && !Object.hasOwn(object, name)) return requiredProperty(name, param);
    }
  }

  for (const [property, item] of Object.entries(object)) {
    const childParam = `${param}[${property}]`;
    const childSchema = propertySchema(schema, property) ?? findPatternPropertySchema(property, schema);
    if (childSchema) {
      const validity = validateValueFromSchema(item, childSchema, childParam);
      if (validity !== true) return validity;
      continue;
    }
    const additional = schema.additionalProperties;
    if (additional === false) {
      return new SchemaError('rest_additional_properties_forbidden', `${property} is not a valid property of Object.`);
    }
    if (isPhpArray(additional)) {
      const validity = validateValueFromSchema(item, additional, childParam);
      if (validity !== true) return validity;
    }
  }

  const count = Object.keys(object).length;
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    const min = schema.minProperties;
    return new SchemaError(
      'rest_too_few_properties',
      `${param} must contain at least ${formatCount(min)} ${plural(min, 'property', 'properties')}.`,
    );
  }
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    const max = schema.maxProperties;
    return new SchemaError(
      'rest_too_many_properties',
      `${param} must contain at most ${formatCount(max)} ${plural(max, 'property', 'properties')}.`,
    );
  }
  return true;
}

function requiredProperty(name: string, param: string): SchemaError {
  return new SchemaError('rest_property_required', `${name} is a required property of ${param}.`);
}

function validateArray(value: unknown, schema: JsonSchema, param: string): Validity {
  if (!restIsArray(value)) return invalidType(param, 'array');
  const list = restSanitizeArray(value);

  if (schema.items) {
    for (let index = 0; index < list.length; index++) {
      const validity = validateValueFromSchema(list[index], schema.items, `${param}[${index}]`);
      if (validity !== true) return validity;
    }
  }
  if (schema.minItems !== undefined && list.length < schema.minItems) {
    const min = schema.minItems;
    return new SchemaError(
      'rest_too_few_items',
      `${param} must contain at least ${formatCount(min)} ${plural(min, 'item', 'items')}.`,
    );
  }
  if (schema.maxItems !== undefined && list.length > schema.maxItems) {
    const max = schema.maxItems;
    return new SchemaError(
      'rest_too_many_items',
      `${param} must contain at most ${formatCount(max)} ${plural(max, 'item', 'items')}.`,
    );
  }
  if (schema.uniqueItems && !hasUniqueItems(list)) {
    return new SchemaError('rest_duplicate_items', `${param} has duplicate items.`);
  }
  return true;
}

/** rest_validate_array_contains_unique_items: compares values with object keys sorted, as rest_stabilize_value does. */
export function hasUniqueItems(list: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const item of list) {
    const key = JSON.stringify(stabilize(item)) ?? 'undefined';
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

function stabilize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stabilize);
  if (!isPhpArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, stabilize(readKey(value, key))]),
  );
}

function validateNumber(value: unknown, schema: JsonSchema, typeName: string, param: string): Validity {
  if (!isNumeric(value)) return invalidType(param, typeName);
  const number = floatval(value);

  if (schema.multipleOf !== undefined && number % schema.multipleOf !== 0) {
    return new SchemaError('rest_invalid_multiple', `${param} must be a multiple of ${strval(schema.multipleOf)}.`);
  }

  const { minimum, maximum } = schema;
  const hasMinimum = minimum !== undefined && minimum !== null;
  const hasMaximum = maximum !== undefined && maximum !== null;
  const exclusiveMinimum = Boolean(schema.exclusiveMinimum);
  const exclusiveMaximum = Boolean(schema.exclusiveMaximum);

  if (hasMinimum && !hasMaximum) {
    if (exclusiveMinimum && number <= minimum)
      return outOfBounds(`${param} must be greater than ${asInteger(minimum)}`);
    if (!exclusiveMinimum && number < minimum)
      return outOfBounds(`${param} must be greater than or equal to ${asInteger(minimum)}`);
  }
  if (hasMaximum && !hasMinimum) {
    if (exclusiveMaximum && number >= maximum) return outOfBounds(`${param} must be less than ${asInteger(maximum)}`);
    if (!exclusiveMaximum && number > maximum)
      return outOfBounds(`${param} must be less than or equal to ${asInteger(maximum)}`);
  }
  if (hasMinimum && hasMaximum) {
    const belowMinimum = exclusiveMinimum ? number <= minimum : number < minimum;
    const aboveMaximum = exclusiveMaximum ? number >= maximum : number > maximum;
    if (belowMinimum || aboveMaximum) {
      const lower = exclusiveMinimum ? 'exclusive' : 'inclusive';
      const upper = exclusiveMaximum ? 'exclusive' : 'inclusive';
      return outOfBounds(
        `${param} must be between ${asInteger(minimum)} (${lower}) and ${asInteger(maximum)} (${upper})`,
      );
    }
  }
  return true;
}

function outOfBounds(message: string): SchemaError {
  return new SchemaError('rest_out_of_bounds', message);
}

function validateString(value: unknown, schema: JsonSchema, param: string): Validity {
  if (typeof value !== 'string') return invalidType(param, 'string');
  if (schema.minLength !== undefined && codePointLength(value) < schema.minLength) {
    const min = schema.minLength;
    return new SchemaError(
      'rest_too_short',
      `${param} must be at least ${formatCount(min)} ${plural(min, 'character', 'characters')} long.`,
    );
  }
  if (schema.maxLength !== undefined && codePointLength(value) > schema.maxLength) {
    const max = schema.maxLength;
    return new SchemaError(
      'rest_too_long',
      `${param} must be at most ${formatCount(max)} ${plural(max, 'character', 'characters')} long.`,
    );
  }
  if (schema.pattern !== undefined && !matchesSchemaPattern(schema.pattern, value)) {
    return new SchemaError('rest_invalid_pattern', `${param} does not match pattern ${schema.pattern}.`);
  }
  return true;
}

/** mb_strlen: characters, not UTF-16 units. */
function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (
      code < 0xdc00 ||
      code > 0xdfff ||
      i === 0 ||
      value.charCodeAt(i - 1) < 0xd800 ||
      value.charCodeAt(i - 1) > 0xdbff
    ) {
      length++;
    }
  }
  return length;
}

/** rest_validate_enum: the sanitized value must equal one of the values (1 and 1.0 are equal; "1" and 1 are not). */
function validateEnum(value: unknown, schema: JsonSchema, type: string | undefined, param: string): Validity {
  const sanitized = sanitizeWithType(value, schema, type, param);
  if (sanitized instanceof SchemaError) return sanitized;
  const allowed = schema.enum ?? [];
  if (allowed.some((candidate) => valuesEqual(sanitized, candidate))) return true;

  const shown = allowed.map((candidate) => (isScalar(candidate) ? strval(candidate) : phpJsonEncode(candidate)));
  if (shown.length === 1) return new SchemaError('rest_not_in_enum', `${param} is not ${shown[0]}.`);
  return new SchemaError('rest_not_in_enum', `${param} is not one of ${listWords(shown)}.`);
}

/** rest_are_values_equal. */
function valuesEqual(left: unknown, right: unknown): boolean {
  if (isPhpArray(left) && isPhpArray(right)) {
    const leftKeys = Object.keys(left);
    if (leftKeys.length !== Object.keys(right).length) return false;
    return leftKeys.every((key) => Object.hasOwn(right, key) && valuesEqual(readKey(left, key), readKey(right, key)));
  }
  return left === right;
}

function validateFormat(value: unknown, format: string, param: string): Validity {
  const text = strval(value);
  switch (format) {
    case 'hex-color':
      return isHexColor(text) ? true : new SchemaError('rest_invalid_hex_color', 'Invalid hex color.');
    case 'date-time':
      return isRfc3339Date(text) ? true : new SchemaError('rest_invalid_date', 'Invalid date.');
    case 'email':
      return isEmail(text) !== false ? true : new SchemaError('rest_invalid_email', 'Invalid email address.');
    case 'ip':
      return isIpAddress(text) ? true : new SchemaError('rest_invalid_ip', `${param} is not a valid IP address.`);
    case 'uuid':
      return isUuid(text) ? true : new SchemaError('rest_invalid_uuid', `${param} is not a valid UUID.`);
    default:
      return true;
  }
}
