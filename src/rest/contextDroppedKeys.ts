import { isPhpArray } from './args/typeChecks';
import type { JsonSchema } from './types';

/**
 * The top-level keys filterResponseByContext would remove from an object described by `schema` in `context`, when
 * removing them is all it would do — every other property, at any depth, kept whatever its value — else null.
 *
 * An object holding none of these keys comes back from the filter equal to itself, so a page of items built fresh
 * can skip the filter's copy of each one (the customer schema's only such key, in `view`, is `password`, which no
 * item holds). Null, and the filter runs, for whatever the filter decides by the value: `anyOf`/`oneOf`, pattern or
 * additional properties at the top, a type other than `object`.
 */
export function contextDroppedKeys(schema: JsonSchema, context: string): string[] | null {
  if (schema.type !== 'object' || schema.anyOf || schema.oneOf || schema.patternProperties) return null;
  if (isPhpArray(schema.additionalProperties)) return null;
  const dropped: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!property?.context) continue; // The filter neither drops it nor looks inside.
    if (!property.context.includes(context)) dropped.push(key);
    else if (!keepsEverything(property, context)) return null;
  }
  return dropped;
}

/** Whether filtering a value under `schema` (whose own context holds `context`) leaves every part of it in place. */
function keepsEverything(schema: JsonSchema, context: string): boolean {
  if (schema.anyOf || schema.oneOf) return false;
  const keeps = (child: JsonSchema | undefined): boolean =>
    !child?.context || (child.context.includes(context) && keepsEverything(child, context));
  for (const group of [schema.properties, schema.patternProperties]) {
    if (group) for (const key in group) if (Object.hasOwn(group, key) && !keeps(group[key])) return false;
  }
  return (!isPhpArray(schema.additionalProperties) || keeps(schema.additionalProperties)) && keeps(schema.items);
}
