import { hash as digest } from 'node:crypto';
import { phpTrim } from './phpTrim';

/** The options get_avatar_url() reads: `avatar_default`, `avatar_rating`, and the requested size. */
export interface AvatarOptions {
  avatarDefault?: string;
  avatarRating?: string;
  size?: number;
}

/**
 * WordPress 6.8+ get_avatar_url(email) as the WooCommerce customer response uses it:
 * `https://secure.gravatar.com/avatar/<sha256(lower(trim(email)))>?s=96&d=mm&r=g`. `d` maps mystery/mm/mysteryman
 * to `mm` and `gravatar_default` to nothing; `r` is lower-cased; empty parameters are left out and values are
 * rawurlencoded. An empty or '0' email (falsy in PHP) gets no hash.
 */
export function avatarUrl(
  email: string,
  { avatarDefault = 'mystery', avatarRating = 'G', size = 96 }: AvatarOptions = {},
): string {
  const hash = email === '' || email === '0' ? '' : digest('sha256', asciiLower(phpTrim(email)), 'hex');
  return `https://secure.gravatar.com/avatar/${hash}${querySuffix(avatarDefault, avatarRating, size)}`;
}

/** The last `?s=…&d=…&r=…` part made, with its options: every customer of a page has the same. */
let last = { avatarDefault: '', avatarRating: '', size: NaN, suffix: '' };

function querySuffix(avatarDefault: string, avatarRating: string, size: number): string {
  if (last.avatarDefault === avatarDefault && last.avatarRating === avatarRating && last.size === size) {
    return last.suffix;
  }
  const params: Array<[string, string]> = [
    ['s', String(Math.trunc(Math.abs(size)) || 96)],
    ['d', gravatarDefault(avatarDefault)],
    ['r', asciiLower(avatarRating)],
  ];
  const query = params
    .filter(([, value]) => value !== '' && value !== '0')
    .map(([name, value]) => `${name}=${rawUrlEncode(value)}`)
    .join('&');
  last = { avatarDefault, avatarRating, size, suffix: query ? `?${query}` : '' };
  return last.suffix;
}

function gravatarDefault(avatarDefault: string): string {
  if (avatarDefault === 'mystery' || avatarDefault === 'mm' || avatarDefault === 'mysteryman') return 'mm';
  return avatarDefault === 'gravatar_default' ? '' : avatarDefault;
}

/** PHP 8 strtolower(): ASCII letters only. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** PHP rawurlencode() (RFC 3986): encodeURIComponent plus the five characters it leaves alone. */
function rawUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
