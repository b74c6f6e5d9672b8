const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

/**
 * PHP's json_encode with WordPress's default flags: `/` as `\/` and every non-ASCII UTF-16 unit as `\uXXXX`
 * (lower-case hex), so our bytes equal WordPress's. Native stringify, then native scans of its output: measured
 * faster than one scan in JavaScript, and the non-ASCII rewrite only runs when there is something to rewrite.
 */
export function phpJsonEncode(value: unknown, prettyPrint = false): string {
  const json = (JSON.stringify(value, null, prettyPrint ? 4 : undefined) ?? 'null').replaceAll('/', '\\/');
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escapeUnit) : json;
}

function escapeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
