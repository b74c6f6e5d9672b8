/** Characters PHP's json_encode escapes with its default flags and JSON.stringify does not. */
const PHP_ESCAPED = /[/\u0080-\uffff]/g;

/**
 * PHP's json_encode with WordPress's default flags: `/` as `\/` and every non-ASCII UTF-16 unit as `\uXXXX`
 * (lower-case hex), so our bytes equal WordPress's. One native stringify plus one scan of its output.
 */
export function phpJsonEncode(value: unknown, prettyPrint = false): string {
  const json = JSON.stringify(value, null, prettyPrint ? 4 : undefined) ?? 'null';
  return json.replace(PHP_ESCAPED, escapeCharacter);
}

function escapeCharacter(character: string): string {
  if (character === '/') return '\\/';
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
