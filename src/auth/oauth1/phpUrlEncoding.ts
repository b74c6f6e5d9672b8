import { urldecode } from '../../rest/php/urlEncoding';

/**
 * PHP's rawurlencode/rawurldecode, byte for byte, because WooCommerce builds OAuth base strings with them.
 * (urldecode, with `+` as a space, is the REST layer's.)
 */

/** PHP rawurlencode: everything but `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case hex) of the UTF-8 bytes. */
export function rawUrlEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** PHP rawurldecode: `%XX` sequences become bytes, `+` stays `+`, anything malformed is kept as is. */
export function rawUrlDecode(value: string): string {
  return urldecode(value.replace(/\+/g, '%2B'));
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e // - . _ ~
  );
}
