/** The characters PHP's trim() removes when no list is given. */
export const PHP_TRIM_CHARACTERS = ' \t\n\r\0\x0B';

/**
 * PHP trim(): removes the listed characters from both ends. Unlike String#trim it leaves Unicode spaces (NBSP, …)
 * and the form feed alone, which matters for byte-identical results. The list is literal (no `a..z` ranges).
 */
export function phpTrim(value: string, characters: string = PHP_TRIM_CHARACTERS): string {
  let start = 0;
  let end = value.length;
  while (start < end && characters.includes(value[start])) start++;
  while (end > start && characters.includes(value[end - 1])) end--;
  return value.slice(start, end);
}
