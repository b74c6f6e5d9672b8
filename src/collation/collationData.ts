import { implicitFirstWeight, implicitSecondWeight } from './implicitWeights';
import { UNICODE520_WEIGHTS } from './unicode520Weights';
import { weightClasses } from './weightClasses';
import { decodeWeightTable } from './weightTableFormat';

/** The decoded table in the shapes the hot loops read: pages of 256 code points, like MariaDB's own table. */
export interface CollationData {
  /** Per page, the index of each code point's entry in `offsets`, or -1 (implicit weights); no page: all implicit. */
  readonly entryPages: ReadonlyArray<Int32Array | undefined>;
  /** Entry i weighs weights[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly weights: Uint16Array;
  /** Per page, each code point's representative (see foldUnicode520); no page: every code point its own. */
  readonly representativePages: ReadonlyArray<Int32Array | undefined>;
  /** The ASCII fast path: the representative (< 128 too) and the one weight, 0 for none (every ASCII has ≤ 1). */
  readonly asciiRepresentative: Uint8Array;
  readonly asciiWeight: Uint16Array;
  /** The weight of U+0020, what PAD SPACE pads with. */
  readonly spaceWeight: number;
}

let decoded: CollationData | undefined;

/** Decoded once, at first use (under 100 ms). */
export function collationData(): CollationData {
  return (decoded ??= build());
}

function build(): CollationData {
  const table = decodeWeightTable(UNICODE520_WEIGHTS);
  const entryPages = new Array<Int32Array | undefined>(0x1100).fill(undefined);
  table.codePoints.forEach((codePoint, i) => {
    const page = (entryPages[codePoint >>> 8] ??= new Int32Array(256).fill(-1));
    page[codePoint & 0xff] = i;
  });

  // Representative: the smallest code point ≥ 1 of the class LIKE cannot tell apart (U+0000 would fold to a NUL).
  const representativePages = new Array<Int32Array | undefined>(0x1100).fill(undefined);
  const likeDistinct = new Set(table.likeDistinct);
  for (const { listed, implicitTwin } of weightClasses(table)) {
    const members = implicitTwin >= 0 && !likeDistinct.has(implicitTwin) ? [...listed, implicitTwin] : listed;
    const representative = Math.min(...members.filter((codePoint) => codePoint >= 1));
    for (const codePoint of members) {
      const page = (representativePages[codePoint >>> 8] ??= identityPage(codePoint >>> 8));
      page[codePoint & 0xff] = representative;
    }
  }

  const data = {
    entryPages,
    offsets: table.offsets,
    weights: table.weights,
    representativePages,
    asciiRepresentative: new Uint8Array(128),
    asciiWeight: new Uint16Array(128),
    spaceWeight: 0,
  };
  for (let codePoint = 0; codePoint < 128; codePoint++) {
    const own = weightsOf(data, codePoint);
    if (own.length > 1) throw new Error(`unicode520 table: U+${codePoint.toString(16)} has ${own.length} weights`);
    data.asciiWeight[codePoint] = own.length === 0 ? 0 : own[0];
    data.asciiRepresentative[codePoint] = representativeOf(data, codePoint);
  }
  data.spaceWeight = data.asciiWeight[0x20];
  return data;
}

function identityPage(page: number): Int32Array {
  const codePoints = new Int32Array(256);
  for (let i = 0; i < 256; i++) codePoints[i] = (page << 8) | i;
  return codePoints;
}

export function weightsOf(data: CollationData, codePoint: number): number[] {
  const entry = data.entryPages[codePoint >>> 8]?.[codePoint & 0xff] ?? -1;
  if (entry < 0) return [implicitFirstWeight(codePoint), implicitSecondWeight(codePoint)];
  return Array.from(data.weights.subarray(data.offsets[entry], data.offsets[entry + 1]));
}

export function representativeOf(data: CollationData, codePoint: number): number {
  return data.representativePages[codePoint >>> 8]?.[codePoint & 0xff] ?? codePoint;
}

/**
 * The code point at `index` of a JS string (two units for a pair; step with `codePoint > 0xffff ? 2 : 1`); a lone
 * surrogate reads as U+FFFD.
 */
export function codePointAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdfff) return unit;
  const next = text.charCodeAt(index + 1);
  if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
  return 0xfffd;
}
