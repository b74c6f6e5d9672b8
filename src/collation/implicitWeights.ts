// The weights MariaDB's utf8mb4_unicode_520_ci gives a code point its table does not list: two weights computed
// from the code point (UCA's "implicit weights", with the ranges MariaDB's uca-dump used). The generated table
// stores only the code points that differ from this formula.

/** The twelve "unified" ideographs of the compatibility block, weighted like U+4E00–U+9FA5. */
const UNIFIED_COMPATIBILITY_IDEOGRAPHS: ReadonlySet<number> = new Set([
  0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29,
]);

export function implicitBase(codePoint: number): number {
  if ((codePoint >= 0x4e00 && codePoint <= 0x9fa5) || UNIFIED_COMPATIBILITY_IDEOGRAPHS.has(codePoint)) return 0xfb40;
  if (codePoint >= 0x3400 && codePoint <= 0x4db5) return 0xfb80;
  return 0xfbc0;
}

export function implicitFirstWeight(codePoint: number): number {
  return implicitBase(codePoint) + (codePoint >>> 15);
}

export function implicitSecondWeight(codePoint: number): number {
  return (codePoint & 0x7fff) | 0x8000;
}

/**
 * The code point whose implicit weights are exactly [first, second], or -1. The formula is one-to-one, so there is at
 * most one; code points the table lists (or surrogates) may still come back and are the caller's to rule out.
 */
export function implicitCodePoint(first: number, second: number): number {
  if (second < 0x8000) return -1;
  for (const base of [0xfb40, 0xfb80, 0xfbc0]) {
    const high = first - base;
    if (high < 0 || high > 0x21) continue;
    const codePoint = (high << 15) | (second & 0x7fff);
    if (codePoint <= 0x10ffff && implicitFirstWeight(codePoint) === first) return codePoint;
  }
  return -1;
}
