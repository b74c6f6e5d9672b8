import { HTML401_ENTITY_NAMES } from './htmlEntityNames';
import { ksesNormalizeEntities } from './ksesNormalizeEntities';

/** Which quotes get encoded: ENT_NOQUOTES (WordPress's default) or ENT_QUOTES (esc_html, esc_attr). */
export type QuoteStyle = 'noquotes' | 'quotes';

/**
 * WordPress _wp_specialchars() without double encoding: normalises entities the kses way, then PHP
 * htmlspecialchars(…, double_encode=false) encodes `&`, `<`, `>` (and with 'quotes' `"` → `&quot;`, `'` → `&#039;`).
 * Existing entities stay, except `&apos;`: kses allows it, but PHP's HTML 4.01 table does not know it, so it becomes
 * `&amp;apos;`.
 */
export function wpSpecialchars(text: string, quoteStyle: QuoteStyle = 'noquotes'): string {
  if (!/[&<>"']/.test(text)) return text;
  return encodeSpecialChars(ksesNormalizeEntities(text), quoteStyle);
}

function encodeSpecialChars(text: string, quoteStyle: QuoteStyle): string {
  return text.replace(/[&<>"']/g, (char, offset: number) => {
    switch (char) {
      case '&':
        return startsEntity(text, offset) ? '&' : '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return quoteStyle === 'quotes' ? '&quot;' : char;
      default:
        return quoteStyle === 'quotes' ? '&#039;' : char;
    }
  });
}

/** PHP's double_encode=false check: a known HTML 4.01 name or a numeric entity up to U+10FFFF, ended by `;`. */
function startsEntity(text: string, ampersand: number): boolean {
  const rest = text.slice(ampersand + 1);
  const numeric = /^#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/.exec(rest);
  if (numeric) return parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10) <= 0x10ffff;
  const named = /^([A-Za-z0-9]+);/.exec(rest);
  return named !== null && HTML401_ENTITY_NAMES.has(named[1]);
}
