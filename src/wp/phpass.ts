import { hash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/**
 * MD5 rounds run back to back before yielding to the event loop. WordPress's own hashes use 2^13 = 8192 rounds,
 * which take a few milliseconds, so they finish in one go; a stored hash asking for up to 2^30 rounds is still
 * computed exactly, but in slices.
 */
const ROUNDS_PER_SLICE = 8192;

/**
 * phpass "portable" crypt_private() for a `$P$` setting (WordPress ≤ 6.7 hashes): md5(salt ‖ password), then
 * 2^log2 rounds of md5(hash ‖ password) over the UTF-8 bytes, encoded with phpass's base64. Returns the 34-character
 * hash, or '*0' / '*1' (never equal to the setting) when the setting is not a valid `$P$` one.
 */
export async function phpassCrypt(password: string, setting: string): Promise<string> {
  const failure = setting.startsWith('*0') ? '*1' : '*0';
  if (!setting.startsWith('$P$')) return failure;
  const log2 = setting.length > 3 ? ITOA64.indexOf(setting[3]) : -1;
  if (log2 < 7 || log2 > 30) return failure;
  // PHP's substr() counts bytes.
  const settingBytes = Buffer.from(setting, 'utf8');
  const salt = settingBytes.subarray(4, 12);
  if (salt.length !== 8) return failure;

  const passwordBytes = Buffer.from(password, 'utf8');
  let digest = hash('md5', Buffer.concat([salt, passwordBytes]), 'buffer');
  let remaining = 2 ** log2;
  while (remaining > 0) {
    const slice = Math.min(remaining, ROUNDS_PER_SLICE);
    for (let round = 0; round < slice; round++) digest = hash('md5', Buffer.concat([digest, passwordBytes]), 'buffer');
    remaining -= slice;
    if (remaining > 0) await nextTurn();
  }
  return settingBytes.subarray(0, 12).toString('utf8') + encode64(digest);
}

/** phpass encode64(): little-endian 6-bit groups over the itoa64 alphabet (16 bytes → 22 characters). */
function encode64(input: Buffer): string {
  let output = '';
  let i = 0;
  do {
    let value = input[i++];
    output += ITOA64[value & 0x3f];
    if (i < input.length) value |= input[i] << 8;
    output += ITOA64[(value >> 6) & 0x3f];
    if (i++ >= input.length) break;
    if (i < input.length) value |= input[i] << 16;
    output += ITOA64[(value >> 12) & 0x3f];
    if (i++ >= input.length) break;
    output += ITOA64[(value >> 18) & 0x3f];
  } while (i < input.length);
  return output;
}
