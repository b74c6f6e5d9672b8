/**
 * PHP's urlencode/urldecode, which WordPress uses for query strings: they work on UTF-8 bytes, `+` means a space, and
 * malformed input never throws (unlike decodeURIComponent).
 */

const HEX = '0123456789ABCDEF';

/** PHP urlencode: everything but `A-Z a-z 0-9 - _ .` becomes `%XX` (upper-case hex), spaces become `+`. */
export function urlencode(value: string): string {
  if (/^[A-Za-z0-9._-]*$/.test(value)) return value;
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    if (isPlain(byte)) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/** PHP urldecode: `+` is a space and `%XX` a byte; a malformed `%` stays as it is. */
export function urldecode(value: string): string {
  const spaced = value.includes('+') ? value.replace(/\+/g, ' ') : value;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return decodeBytes(spaced);
  }
}

/** The slow path for malformed escapes or bytes that are not UTF-8 (those become U+FFFD). */
function decodeBytes(value: string): string {
  const source = Buffer.from(value, 'utf8');
  const bytes = Buffer.alloc(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const high = hexValue(source[i + 1]);
    const low = hexValue(source[i + 2]);
    if (source[i] === 0x25 && high >= 0 && low >= 0) {
      bytes[length++] = high * 16 + low;
      i += 2;
    } else {
      bytes[length++] = source[i];
    }
  }
  return bytes.toString('utf8', 0, length);
}

function isPlain(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f
  );
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}
