import type { JsonSchema } from '../types';

/** Compiled schema patterns, shared by every request (schemas are long-lived; patterns are few). */
const compiled = new Map<string, RegExp | null>();

/** rest_validate_json_schema_pattern: an unanchored Unicode match; a pattern JavaScript cannot compile never matches. */
export function matchesSchemaPattern(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return regex !== null && regex.test(value);
}

/** rest_find_matching_pattern_property_schema. */
export function findPatternPropertySchema(property: string, schema: JsonSchema): JsonSchema | null {
  const patterns = schema.patternProperties;
  if (!patterns) return null;
  for (const [pattern, child] of Object.entries(patterns)) {
    if (matchesSchemaPattern(pattern, property)) return child;
  }
  return null;
}

/** `isset( $schema['properties'][ $name ] )`, without reaching Object.prototype for names like "constructor". */
export function propertySchema(schema: JsonSchema, name: string): JsonSchema | undefined {
  const properties = schema.properties;
  if (!properties || !Object.hasOwn(properties, name)) return undefined;
  return properties[name] ?? undefined;
}
