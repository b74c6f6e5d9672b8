import { randomInt } from 'node:crypto';

const LETTERS_AND_DIGITS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SPECIAL = '!@#$%^&*()';
const EXTRA_SPECIAL = '-_ []{}<>~`+=,.;:/?|';

/**
 * WordPress wp_generate_password(): `length` characters drawn uniformly (CSPRNG, like wp_rand) from a-z A-Z 0-9,
 * plus `!@#$%^&*()` when `special`, plus ``-_ []{}<>~`+=,.;:/?|`` when `extraSpecial` (independently of `special`).
 */
export function generatePassword(length = 12, special = true, extraSpecial = false): string {
  const alphabet = LETTERS_AND_DIGITS + (special ? SPECIAL : '') + (extraSpecial ? EXTRA_SPECIAL : '');
  let password = '';
  for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)];
  return password;
}
