import { phpTrim } from './phpTrim';

/**
 * WordPress is_email(): at least 6 bytes; an `@` after the first character; the local part only
 * ``A-Za-z0-9!#$%&'*+/=?^_`{|}~.-``; the domain without `..`, without leading/trailing dots or whitespace, with at
 * least two labels, each `A-Za-z0-9-` without a leading/trailing hyphen (so IDNs must be punycode). No maximum length,
 * no rule about dots in the local part. Returns the address when valid (like WordPress), else false.
 */
export function isEmail(email: string): string | false {
  if (Buffer.byteLength(email, 'utf8') < 6) return false;
  const at = email.indexOf('@', 1);
  if (at === -1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  // PCRE's `$` also matches before a final newline, so the local part may end with one.
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+\n?$/.test(local)) return false;
  if (/\.{2,}/.test(domain)) return false;
  if (phpTrim(domain, ' \t\n\r\0\x0B.') !== domain) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (phpTrim(label, ' \t\n\r\0\x0B-') !== label) return false;
    if (!/^[a-z0-9-]+$/i.test(label)) return false;
  }
  return email;
}
