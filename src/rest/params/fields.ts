import { isNumericArray, isPhpArray, readKey, type PhpArrayLike } from '../args/typeChecks';
import { wpParseList } from '../php/values';
import type { RestRequest } from '../RestRequest';
import type { RestResponse } from '../RestResponse';
import { getParam } from '../requestParams';

type FieldTree = { [field: string]: true | FieldTree };

/** The `_fields` list of a request (wp_parse_list, trimmed), or null when the request has none. */
export function requestedFields(request: RestRequest): string[] | null {
  const raw = getParam(request, '_fields');
  if (raw === undefined) return null;
  return wpParseList(raw).map((field) => String(field).trim());
}

/**
 * rest_filter_response_fields: keeps only the requested fields (nested with dots, `billing.city`) of the data, or of
 * each item of a list. Error responses are left whole. Runs before `_links` join the data, so a single object keeps
 * its links while collection items (whose `_links` are part of the data) lose them unless asked for.
 */
export function filterResponseFields(response: RestResponse, request: RestRequest): RestResponse {
  if (response.status >= 400) return response;
  const fields = requestedFields(request);
  if (fields === null || fields.length === 0) return response;
  const tree = fieldTree(fields);
  const data = response.data;
  if (isNumericArray(data)) {
    response.data = Object.values(data as PhpArrayLike).map((item) =>
      isPhpArray(item) ? intersectKeys(item, tree) : item,
    );
  } else if (isPhpArray(data)) {
    response.data = intersectKeys(data, tree);
  }
  return response;
}

/** `a,b.c` → {a: true, b: {c: true}}. As in WordPress, a sub-field of a field already taken whole ends the list. */
function fieldTree(fields: string[]): FieldTree {
  const tree: FieldTree = {};
  for (const field of fields) {
    const parts = field.split('.');
    let node = tree;
    while (parts.length > 1) {
      const next = parts.shift() as string;
      const existing = Object.hasOwn(node, next) ? node[next] : undefined;
      if (existing === true) return tree;
      const child: FieldTree = existing ?? {};
      node[next] = child;
      node = child;
    }
    node[parts[0]] = true;
  }
  return tree;
}

/** _rest_array_intersect_key_recursive. */
function intersectKeys(data: PhpArrayLike, tree: FieldTree): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(tree, key)) continue;
    const value = readKey(data, key);
    const branch = tree[key];
    kept[key] = branch !== true && isPhpArray(value) ? intersectKeys(value, branch) : value;
  }
  return kept;
}

/** rest_is_field_included: a field counts when it, one of its parents, or one of its children is listed. */
export function isFieldIncluded(field: string, fields: readonly string[]): boolean {
  return fields.some(
    (accepted) => accepted === field || accepted.startsWith(`${field}.`) || field.startsWith(`${accepted}.`),
  );
}
