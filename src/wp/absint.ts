import { intval, wpParseList } from '../rest/php/values';

/** absint: `abs( (int) $value )` — a non-negative integer, at most PHP_INT_MAX ("1e3" is 1000, "abc" is 0). */
export function absint(value: unknown): number {
  return Math.abs(intval(value));
}

/** wp_parse_id_list: a comma/space string or an array → unique absint-ed ids (never an error). */
export function wpParseIdList(value: unknown): number[] {
  return [...new Set(wpParseList(value).map(absint))];
}
