import { implicitCodePoint } from './implicitWeights';
import type { WeightTable } from './weightTableFormat';

/**
 * Code points with the same primary weights: what `=` and ORDER BY cannot tell apart. LIKE compares one character
 * with another by those weights too, except that MariaDB compares by code point when a character has no entry of its
 * own in the collation's table (weights from the formula): so U+2F00 = U+4E00 (same weights) but U+2F00 NOT LIKE
 * U+4E00. Which unlisted code points LIKE treats so was asked of the server (the table's `likeDistinct`).
 */
export interface WeightClass {
  /** Listed code points, ascending. */
  readonly listed: readonly number[];
  /** The unlisted code point whose formula weights are the same, or -1. */
  readonly implicitTwin: number;
}

/** The classes of two or more code points. */
export function weightClasses(table: WeightTable): WeightClass[] {
  const { codePoints, offsets, weights } = table;
  const listedSet = new Set(codePoints);
  const byWeights = new Map<string, number[]>();
  for (let i = 0; i < codePoints.length; i++) {
    const key = weights.subarray(offsets[i], offsets[i + 1]).join(',');
    const members = byWeights.get(key);
    if (members) members.push(codePoints[i]);
    else byWeights.set(key, [codePoints[i]]);
  }
  const classes: WeightClass[] = [];
  for (const [key, listed] of byWeights) {
    const own = key === '' ? [] : key.split(',').map(Number);
    let twin = own.length === 2 ? implicitCodePoint(own[0], own[1]) : -1;
    if (listedSet.has(twin) || (twin >= 0xd800 && twin <= 0xdfff)) twin = -1;
    if (listed.length + (twin >= 0 ? 1 : 0) >= 2) classes.push({ listed, implicitTwin: twin });
  }
  return classes;
}
