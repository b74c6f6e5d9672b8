import { KSES_ALLOWED_ENTITY_NAMES } from './htmlEntityNames';
import { isPhpEmptyString } from './phpEmpty';

/**
 * WordPress wp_kses_normalize_entities() ('html' context): every `&` becomes `&amp;` unless it starts an allowed
 * named entity or a valid numeric one. Decimal entities are rewritten with at least three digits (`&#58;` →
 * `&#058;`), hex ones lose leading zeros, and `&#0;`/`&#x0;` vanish entirely (PHP's empty('0')).
 */
export function ksesNormalizeEntities(content: string): string {
  return content
    .split('&')
    .join('&amp;')
    .replace(/&amp;([A-Za-z]{2,8}[0-9]{0,2});/g, (_match, name: string) =>
      KSES_ALLOWED_ENTITY_NAMES.has(name) ? `&${name};` : `&amp;${name};`,
    )
    .replace(/&amp;#(0*[0-9]{1,7});/g, (_match, digits: string) => {
      if (isPhpEmptyString(digits)) return '';
      return isValidUnicode(parseInt(digits, 10))
        ? `&#${digits.replace(/^0+/, '').padStart(3, '0')};`
        : `&amp;#${digits};`;
    })
    .replace(/&amp;#[Xx](0*[0-9A-Fa-f]{1,6});/g, (_match, hex: string) => {
      if (isPhpEmptyString(hex)) return '';
      return isValidUnicode(parseInt(hex, 16)) ? `&#x${hex.replace(/^0+/, '')};` : `&amp;#x${hex};`;
    });
}

/** WordPress valid_unicode(): the code points XML allows. */
function isValidUnicode(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
