import type { Dialect } from './types';

/** A piece of SQL and the values bound to its `?`s, in order. */
export interface BoundSql {
  sql: string;
  params: unknown[];
}

/** What an IN list may hold: ids, statuses, meta values. */
export type ListValue = number | string;

/**
 * `expression IN (…)` (or NOT IN) with the whole list bound as ONE parameter, so the SQL text is the same however
 * long the list is: a page of 7 ids and one of 93 share one prepared statement, and distinct requests never add
 * statements (one `?` per id would make a text per list length; padding to a few bucket sizes would still multiply
 * every query shape by the buckets).
 *
 * - SQLite: `IN (SELECT value FROM json_each(?))` with the list as a JSON array (json_each is built into SQLite);
 *   the planner still probes the column's index once per value, and values compare as separately bound ones did
 *   (json_each's `value` has no declared type, like a bound parameter: a TEXT column's '2' is not IN [2] either way;
 *   `+value` would change that — src/db/boundList.test.ts holds both forms to the same answers).
 * - MySQL/MariaDB: `IN (?)` with the array bound: mysql2's text protocol expands it, escaped, into the statement it
 *   sends; the server keeps nothing per text.
 *
 * An empty list: IN is never true, NOT IN always is (`IN ()` is not SQL).
 */
export function inList(dialect: Dialect, expression: string, values: readonly ListValue[], negate = false): BoundSql {
  if (values.length === 0) return { sql: negate ? '1 = 1' : '0 = 1', params: [] };
  return {
    sql: `${expression} ${negate ? 'NOT IN' : 'IN'} ${listSource(dialect)}`,
    params: [listParam(dialect, values)],
  };
}

/**
 * The 0-based (SQLite) or 1-based (MySQL) position of `expression` in `values`, its first occurrence; for ORDER BY
 * the list's order (WordPress's `FIELD(ID, …)` for `orderby=include`), the list bound as one parameter. Qualify the
 * column (`u.ID`): on SQLite a bare `id` would name json_each's own `id` column.
 */
export function listPosition(dialect: Dialect, expression: string, values: readonly ListValue[]): BoundSql {
  if (values.length === 0) return { sql: 'NULL', params: [] };
  return dialect === 'sqlite'
    ? {
        sql: `(SELECT MIN(list.key) FROM json_each(?) AS list WHERE list.value = ${expression})`,
        params: [JSON.stringify(values)],
      }
    : { sql: `FIELD(${expression}, ?)`, params: [[...values]] };
}

function listSource(dialect: Dialect): string {
  return dialect === 'sqlite' ? '(SELECT value FROM json_each(?))' : '(?)';
}

function listParam(dialect: Dialect, values: readonly ListValue[]): unknown {
  return dialect === 'sqlite' ? JSON.stringify(values) : [...values];
}
