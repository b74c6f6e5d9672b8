/**
 * WordPress utf8_uri_encode(): ASCII bytes stay, every other character becomes its UTF-8 bytes as lower-case `%xx`.
 * With `length` > 0 the output stops before the character that would exceed that many output characters.
 */
export function utf8UriEncode(text: string, length = 0): string {
  let encoded = '';
  for (const char of text) {
    const bytes = Buffer.from(char, 'utf8');
    const piece = bytes.length === 1 ? char : Array.from(bytes, (byte) => `%${byte.toString(16)}`).join('');
    if (length && encoded.length + piece.length > length) break;
    encoded += piece;
  }
  return encoded;
}
