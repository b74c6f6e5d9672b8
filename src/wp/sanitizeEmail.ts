import { phpTrim } from './phpTrim';

/**
 * WordPress sanitize_email(): '' unless at least 6 bytes with an `@` after the first character; strips disallowed
 * characters from the local part; removes runs of dots from the domain (`a..b` → `ab`), trims dots/whitespace, trims
 * hyphens/whitespace from each label and strips its other characters, drops labels left empty, and needs two labels.
 * Case is kept.
 */
export function sanitizeEmail(email: string): string {
  if (Buffer.byteLength(email, 'utf8') < 6) return '';
  const at = email.indexOf('@', 1);
  if (at === -1) return '';
  const local = email.slice(0, at).replace(/[^a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]/g, '');
  if (local === '') return '';
  let domain = email.slice(at + 1).replace(/\.{2,}/g, '');
  if (domain === '') return '';
  domain = phpTrim(domain, ' \t\n\r\0\x0B.');
  if (domain === '') return '';
  const labels = domain.split('.');
  if (labels.length < 2) return '';
  const cleanLabels = labels
    .map((label) => phpTrim(label, ' \t\n\r\0\x0B-').replace(/[^a-z0-9-]+/gi, ''))
    .filter((label) => label !== '');
  if (cleanLabels.length < 2) return '';
  return `${local}@${cleanLabels.join('.')}`;
}
