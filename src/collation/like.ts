import { codePointAt, collationData, representativeOf, type CollationData } from './collationData';

// MariaDB's LIKE for UCA collations goes character by character (never `=` on the whole: 'ß' = 'ss' but
// 'ß' NOT LIKE 'ss'); two characters match when LIKE cannot tell them apart, i.e. share a representative.
const ONE = -1; // '_'
const MANY = -2; // '%'

/** MySQL LIKE; `escape` '' means backslash, as in MySQL without NO_BACKSLASH_ESCAPES. */
export function like(subject: string, pattern: string, escape: string): boolean {
  const data = collationData();
  const escapeCodePoint = escape === '' ? 0x5c : codePointAt(escape, 0);
  if (escape.length > (escapeCodePoint > 0xffff ? 2 : 1)) {
    throw new RangeError('LIKE: the escape must be one character');
  }
  return matches(representatives(data, subject), compile(data, pattern, escapeCodePoint));
}

function representatives(data: CollationData, text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = codePointAt(text, i);
    i += codePoint > 0xffff ? 2 : 1;
    out.push(representativeOf(data, codePoint));
  }
  return out;
}

/** The pattern as representatives and wildcards. '%' wins over the escape, then the escape over '_', as MariaDB's. */
function compile(data: CollationData, pattern: string, escapeCodePoint: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length;) {
    let codePoint = codePointAt(pattern, i);
    i += codePoint > 0xffff ? 2 : 1;
    if (codePoint === 0x25) {
      out.push(MANY);
      continue;
    }
    if (codePoint === escapeCodePoint && i < pattern.length) {
      // An escape as the last character stays a literal escape character.
      codePoint = codePointAt(pattern, i);
      i += codePoint > 0xffff ? 2 : 1;
    } else if (codePoint === 0x5f) {
      out.push(ONE);
      continue;
    }
    out.push(representativeOf(data, codePoint));
  }
  return out;
}

/**
 * Greedy, going back only to the last '%': every other item matches exactly one character, so letting the last '%'
 * take one more character is the only choice left to try. O(subject × pattern) at worst, never exponential.
 */
function matches(subject: readonly number[], pattern: readonly number[]): boolean {
  let s = 0;
  let p = 0;
  let starP = -1;
  let starS = 0;
  while (s < subject.length) {
    if (p < pattern.length && (pattern[p] === ONE || pattern[p] === subject[s])) {
      s++;
      p++;
    } else if (p < pattern.length && pattern[p] === MANY) {
      starP = p++;
      starS = s;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === MANY) p++;
  return p === pattern.length;
}
