// MariaDB's utf8mb4_unicode_520_ci (UCA 5.2.0, primary level only, PAD SPACE) in JavaScript, from a table generated
// from the server itself (scripts/generate-unicode520-weights.ts): for SQLite, which has no such collation, and for
// search and sort keys that agree with MariaDB exactly.
import { codePointAt, collationData, representativeOf, weightsOf } from './collationData';
import { like } from './like';
import { sortKey } from './sortKey';

/** The primary weights of a code point, none for an ignorable. A surrogate weighs what U+FFFD does. */
export function primaryWeights(codePoint: number): readonly number[] {
  if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > 0x10ffff) {
    throw new RangeError(`not a code point: ${codePoint}`);
  }
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return Object.freeze(weightsOf(collationData(), isSurrogate ? 0xfffd : codePoint));
}

let folded = Buffer.allocUnsafeSlow(1024);

/**
 * The UTF-8 of `text` with each character replaced by its representative: the smallest code point (≥ 1) LIKE cannot
 * tell from it. So for a literal term t, MariaDB's `x LIKE '%t%'` is fold(x) containing fold(t), `x LIKE 't'` equal
 * folds, `'t%'` a prefix, `'%t'` a suffix. (Not `=`: 'ß' = 'ss' but folds differently; `=` is sortKeyUnicode520's.)
 */
export function foldUnicode520(text: string): Buffer {
  const data = collationData();
  const { asciiRepresentative } = data;
  // A representative is never above its code point, so never longer in UTF-8: 3 bytes a UTF-16 unit at most.
  if (folded.length < text.length * 3) folded = Buffer.allocUnsafeSlow(text.length * 3);
  const out = folded;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[length++] = asciiRepresentative[unit];
      continue;
    }
    const codePoint = codePointAt(text, i);
    if (codePoint > 0xffff) i++;
    const c = representativeOf(data, codePoint);
    if (c < 0x80) {
      out[length++] = c;
    } else if (c < 0x800) {
      out[length++] = 0xc0 | (c >>> 6);
      out[length++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[length++] = 0xe0 | (c >>> 12);
      out[length++] = 0x80 | ((c >>> 6) & 0x3f);
      out[length++] = 0x80 | (c & 0x3f);
    } else {
      out[length++] = 0xf0 | (c >>> 18);
      out[length++] = 0x80 | ((c >>> 12) & 0x3f);
      out[length++] = 0x80 | ((c >>> 6) & 0x3f);
      out[length++] = 0x80 | (c & 0x3f);
    }
  }
  const result = Buffer.allocUnsafe(length);
  out.copy(result, 0, 0, length);
  if (folded.length > 1 << 20) folded = Buffer.allocUnsafeSlow(1024); // a huge text's scratch is not kept
  return result;
}

/**
 * A key whose byte order (memcmp, SQLite BLOB) is MariaDB's ORDER BY order for a utf8mb4_unicode_520_ci column, and
 * whose equality is MariaDB's `=` (PAD SPACE: 'a' = 'a  ', and 'ß' = 'ss'). See sortKey.ts for why it works.
 */
export function sortKeyUnicode520(text: string): Buffer {
  return sortKey(text);
}

/** Negative, 0 or positive as MariaDB compares `a` with `b` (PAD SPACE), the way its strnncollsp does. */
export function compareUnicode520(a: string, b: string): number {
  const left = textWeights(a);
  const right = textWeights(b);
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i++) if (left[i] !== right[i]) return left[i] - right[i];
  // The shorter one is padded with spaces.
  const space = collationData().spaceWeight;
  const [longer, sign] = left.length > right.length ? [left, 1] : [right, -1];
  for (let i = common; i < longer.length; i++) if (longer[i] !== space) return sign * (longer[i] - space);
  return 0;
}

/**
 * MySQL's `subject LIKE pattern ESCAPE escape`: '%' any run of characters, '_' one character, the escape character
 * makes the next one literal (and is itself literal at the very end); characters compare as LIKE does, by weights.
 */
export function likeUnicode520(subject: string, pattern: string, escape = '\\'): boolean {
  return like(subject, pattern, escape);
}

function textWeights(text: string): number[] {
  const data = collationData();
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = codePointAt(text, i);
    i += codePoint > 0xffff ? 2 : 1;
    out.push(...weightsOf(data, codePoint));
  }
  return out;
}
