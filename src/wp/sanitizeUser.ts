import { isPhpEmptyString } from './phpEmpty';
import { phpTrim } from './phpTrim';
import { removeAccents } from './removeAccents';
import { wpStripAllTags } from './wpStripAllTags';

/**
 * WordPress sanitize_user(): strips tags, transliterates accents, removes `%XX` octets and `&…;` entities, in strict
 * mode keeps only `A-Z a-z 0-9 space _ . - @`, trims and collapses whitespace runs to one space. Case is kept.
 * `locale` is the site locale remove_accents() would use (see removeAccents).
 */
export function sanitizeUser(username: string, strict = false, locale = ''): string {
  let clean = removeAccents(wpStripAllTags(username), locale);
  clean = clean.replace(/%[a-fA-F0-9][a-fA-F0-9]/g, '');
  clean = clean.replace(/&[^\n]+?;/g, '');
  if (strict) clean = clean.replace(/[^A-Za-z0-9 _.\-@]/g, '');
  clean = phpTrim(clean);
  // PCRE's \s without /u: ASCII whitespace only (JS \s would also eat NBSP and friends).
  return clean.replace(/[\t\n\v\f\r ]+/g, ' ');
}

/** WordPress validate_username(): non-empty (PHP empty(), so '0' fails) and unchanged by a strict sanitize. */
export function validateUsername(username: string): boolean {
  return !isPhpEmptyString(username) && sanitizeUser(username, true) === username;
}
