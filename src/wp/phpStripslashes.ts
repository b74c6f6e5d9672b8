/**
 * PHP stripslashes(): a backslash escapes the next character (`\\` → `\`, `\'` → `'`), `\0` becomes a NUL byte and
 * a trailing lone backslash disappears.
 */
export function phpStripslashes(value: string): string {
  return value.replace(/\\([\s\S]?)/g, (_match, next: string) => (next === '0' ? '\0' : next));
}
