/** PHP's empty() for a string: true for '' and also for '0', which WordPress code relies on in a few places. */
export function isPhpEmptyString(value: string): boolean {
  return value === '' || value === '0';
}
