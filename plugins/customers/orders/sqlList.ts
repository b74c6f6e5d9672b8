/** `?, ?, ?` for an IN list of `values` (callers skip the query when the list is empty: `IN ()` is no SQL). */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
