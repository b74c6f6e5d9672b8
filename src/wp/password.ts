import { compare as bcryptCompare, hash as bcryptHash } from 'bcrypt';
import { createHash, createHmac } from 'node:crypto';
import { constantTimeEquals } from '../auth/constantTime';
import { passwordHashing } from './hashingSlots';
import { phpassCrypt } from './phpass';
import { phpTrim } from './phpTrim';

/** WordPress refuses passwords longer than this many bytes. */
const MAX_PASSWORD_BYTES = 4096;
/** PHP's default bcrypt cost up to PHP 8.3 (8.4 raised it to 12). */
const DEFAULT_BCRYPT_COST = 10;

/**
 * WordPress 6.8 wp_hash_password(): `$wp` + bcrypt of base64(HMAC-SHA384(key 'wp-sha384', trim(password))), written
 * with PHP's `$2y$` ident. The pre-hash keeps the entropy of passwords longer than bcrypt's 72 bytes. The native
 * bcrypt runs on the libuv threadpool, off the event loop. A password over 4096 bytes yields '*' (unusable), like
 * WordPress. Only WordPress 6.8+ can verify the result.
 */
export async function hashPassword(password: string, cost: number = DEFAULT_BCRYPT_COST): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return '*';
  const bcrypt = await passwordHashing.run(() => bcryptHash(wpPrehash(phpTrim(password)), cost));
  return `$wp${bcrypt.replace(/^\$2b\$/, '$2y$')}`;
}

/**
 * WordPress 6.8 wp_check_password(), in its order: a hash of at most 32 bytes is compared with md5(password) in
 * constant time; a password over 4096 bytes fails; `$wp…` is pre-hashed (NOT trimmed — WordPress only trims when
 * hashing) and bcrypt-verified; `$P$…` is phpass; a plain `$2y$`/`$2a$`/`$2b$` bcrypt hash is verified directly;
 * anything else (`$H$`, argon2, crypt variants) fails.
 */
export async function checkPassword(password: string, storedHash: string): Promise<boolean> {
  if (Buffer.byteLength(storedHash, 'utf8') <= 32) {
    return constantTimeEquals(storedHash, createHash('md5').update(password, 'utf8').digest('hex'));
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return false;
  if (storedHash.startsWith('$wp')) return bcryptVerify(wpPrehash(password), storedHash.slice(3));
  if (storedHash.startsWith('$P$')) return constantTimeEquals(storedHash, await phpassCrypt(password, storedHash));
  return bcryptVerify(password, storedHash);
}

/**
 * WordPress 6.8 wp_password_needs_rehash() with the default bcrypt algorithm: true for every hash without the `$wp`
 * prefix, and for a `$wp` hash PHP's password_needs_rehash() would flag — anything but a 60-character `$2y$` bcrypt
 * (PHP does not recognise `$2b$`) or one with a different cost.
 */
export function passwordNeedsRehash(storedHash: string, cost: number = DEFAULT_BCRYPT_COST): boolean {
  if (!storedHash.startsWith('$wp')) return true;
  const bcrypt = storedHash.slice(3);
  const parsed = /^\$2y\$(\d+)/.exec(bcrypt);
  return parsed === null || bcrypt.length !== 60 || Number(parsed[1]) !== cost;
}

function wpPrehash(password: string): string {
  return createHmac('sha384', 'wp-sha384').update(password, 'utf8').digest('base64');
}

/** PHP password_verify() for bcrypt; the native library only knows the `$2b$` spelling of PHP's `$2y$`. */
async function bcryptVerify(password: string, bcrypt: string): Promise<boolean> {
  if (!/^\$2[aby]\$/.test(bcrypt)) return false;
  try {
    return await passwordHashing.run(() => bcryptCompare(password, bcrypt.replace(/^\$2y\$/, '$2b$')));
  } catch {
    return false;
  }
}
