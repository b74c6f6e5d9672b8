/** `?, ?, ?` for an IN list of `values` (callers skip the query when the list is empty: `IN ()` is no SQL). */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** `column IN (?, ?)`, or a condition that is never true for an empty list; bind `values` in place. */
export function inList(column: string, values: readonly unknown[]): string {
  return values.length === 0 ? '0 = 1' : `${column} IN (${placeholders(values)})`;
}
