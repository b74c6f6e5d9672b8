/** wp_sprintf's `%l`: "a", "a and b", "a, b, and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/** number_format_i18n for the counts in messages: thousands separated by commas. */
export function formatCount(count: number): string {
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** _n() in English: the singular form only for exactly one. */
export function plural(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm;
}

/** sprintf's `%d`: the integer part. */
export function asInteger(value: number): string {
  const truncated = Math.trunc(value);
  return String(truncated === 0 ? 0 : truncated);
}
