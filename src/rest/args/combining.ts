import type { JsonSchema } from '../types';
import { SchemaError } from './SchemaError';
import { isPhpArray } from './typeChecks';
import { validateValueFromSchema } from './validate';
import { listWords } from './wording';

interface Mismatch {
  error: SchemaError;
  schema: JsonSchema;
  index: number;
}

/** rest_find_any_matching_schema: the first `anyOf` schema the value satisfies. */
export function findAnyMatchingSchema(value: unknown, schema: JsonSchema, param: string): JsonSchema | SchemaError {
  const mismatches: Mismatch[] = [];
  const candidates = schema.anyOf ?? [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = withParentType(candidates[index], schema);
    const result = validateValueFromSchema(value, candidate, param);
    if (result === true) return candidate;
    mismatches.push({ error: result, schema: candidate, index });
  }
  return combiningOperationError(value, param, mismatches);
}

/** rest_find_one_matching_schema: the one `oneOf` schema the value satisfies (or the first, when asked to stop there). */
export function findOneMatchingSchema(
  value: unknown,
  schema: JsonSchema,
  param: string,
  stopAfterFirstMatch = false,
): JsonSchema | SchemaError {
  const matches: Array<{ schema: JsonSchema; index: number }> = [];
  const mismatches: Mismatch[] = [];
  const candidates = schema.oneOf ?? [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = withParentType(candidates[index], schema);
    const result = validateValueFromSchema(value, candidate, param);
    if (result !== true) {
      mismatches.push({ error: result, schema: candidate, index });
    } else if (stopAfterFirstMatch) {
      return candidate;
    } else {
      matches.push({ schema: candidate, index });
    }
  }
  if (matches.length === 0) return combiningOperationError(value, param, mismatches);
  if (matches.length > 1) {
    const positions = matches.map((match) => match.index);
    const titles = matches.flatMap((match) => (typeof match.schema.title === 'string' ? [match.schema.title] : []));
    if (titles.length === matches.length) {
      return new SchemaError(
        'rest_one_of_multiple_matches',
        `${param} matches ${listWords(titles)}, but should match only one.`,
        { positions },
      );
    }
    return new SchemaError('rest_one_of_multiple_matches', `${param} matches more than one of the expected formats.`, {
      positions,
    });
  }
  return matches[0].schema;
}

function withParentType(candidate: JsonSchema, parent: JsonSchema): JsonSchema {
  return candidate.type === undefined && parent.type !== undefined ? { ...candidate, type: parent.type } : candidate;
}

/** rest_get_combining_operation_error: picks the most telling of the failures. */
function combiningOperationError(value: unknown, param: string, mismatches: Mismatch[]): SchemaError {
  if (mismatches.length === 1) return formatMismatch(param, mismatches[0]);

  const filtered = mismatches.filter(({ error }) => {
    const errorParam = error.errorData?.param;
    return error.code !== 'rest_invalid_type' || (errorParam !== undefined && errorParam !== param);
  });
  if (filtered.length === 1) return formatMismatch(param, filtered[0]);

  if (filtered.length > 1 && filtered[0].schema.type === 'object') {
    let best: Mismatch | null = null;
    let bestCount = 0;
    for (const mismatch of filtered) {
      const properties = mismatch.schema.properties;
      if (!properties || !isPhpArray(value)) continue;
      const count = Object.keys(properties).filter((name) => Object.hasOwn(value, name)).length;
      if (count > bestCount) {
        best = mismatch;
        bestCount = count;
      }
    }
    if (best !== null) return formatMismatch(param, best);
  }

  const titles = mismatches.flatMap(({ schema }) => (typeof schema.title === 'string' ? [schema.title] : []));
  if (titles.length === mismatches.length) {
    return new SchemaError('rest_no_matching_schema', `${param} is not a valid ${listWords(titles)}.`);
  }
  return new SchemaError('rest_no_matching_schema', `${param} does not match any of the expected formats.`);
}

/** rest_format_combining_operation_error. */
function formatMismatch(param: string, { error, schema, index }: Mismatch): SchemaError {
  if (typeof schema.title === 'string') {
    return new SchemaError(
      'rest_no_matching_schema',
      `${param} is not a valid ${schema.title}. Reason: ${error.message}`,
      { position: index },
    );
  }
  return new SchemaError(
    'rest_no_matching_schema',
    `${param} does not match the expected format. Reason: ${error.message}`,
    { position: index },
  );
}
