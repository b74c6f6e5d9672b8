// The text format of the generated table (src/collation/unicode520Weights.ts), both ways: the generator encodes what
// MariaDB answered, the library decodes it once at first use.
//
//   table    = entries ";" distinct
//   entries  = entry *("," entry)                      code points ascending
//   entry    = [skip ":"] weights [("+" / "=") count]
//   skip     = base-36 number of unlisted code points (implicit weights) before this entry; omitted when 0
//   weights  = *(4 hex digits)                          the primary weights; none for an ignorable
//   "+" n    = the n next code points follow, each with the previous one's weights, last weight + 1
//   "=" n    = the n next code points follow with the very same weights
//   distinct = base-36 gaps (from the previous one, the first from 0) between the unlisted code points LIKE tells
//              apart from listed ones with the same weights (see weightClasses.ts)
//   white space anywhere is ignored (the generated file wraps its lines)

export interface WeightTable {
  /** The listed code points, ascending. */
  readonly codePoints: Int32Array;
  /** Code point i weighs weights[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly weights: Uint16Array;
  /** Unlisted code points that LIKE compares by code point, ascending. */
  readonly likeDistinct: Int32Array;
}

export function decodeWeightTable(text: string): WeightTable {
  const [entriesText, distinctText = ''] = text.replace(/\s+/g, '').split(';');
  const codePoints: number[] = [];
  const offsets: number[] = [0];
  const weights: number[] = [];
  let next = 0;
  for (const entry of entriesText.split(',')) {
    const match = /^(?:([0-9a-z]+):)?((?:[0-9a-f]{4})*)(?:([+=])([0-9a-z]+))?$/.exec(entry);
    if (!match) throw new Error(`unicode520 table: bad entry "${entry}"`);
    next += match[1] === undefined ? 0 : parseInt(match[1], 36);
    const own = (match[2].match(/..../g) ?? []).map((hex) => parseInt(hex, 16));
    const more = match[4] === undefined ? 0 : parseInt(match[4], 36);
    for (let i = 0; i <= more; i++) {
      codePoints.push(next++);
      weights.push(...own);
      offsets.push(weights.length);
      if (match[3] === '+') own[own.length - 1] += 1;
    }
  }
  let distinct = 0;
  const likeDistinct = distinctText === '' ? [] : distinctText.split(',').map((gap) => (distinct += parseInt(gap, 36)));
  return {
    codePoints: Int32Array.from(codePoints),
    offsets: Int32Array.from(offsets),
    weights: Uint16Array.from(weights),
    likeDistinct: Int32Array.from(likeDistinct),
  };
}

export function encodeWeightTable(table: WeightTable): string {
  const { codePoints, offsets, weights } = table;
  const weightsOf = (i: number): Uint16Array => weights.subarray(offsets[i], offsets[i + 1]);
  const entries: string[] = [];
  let next = 0;
  for (let i = 0; i < codePoints.length;) {
    const own = weightsOf(i);
    // How many following entries continue a run, "=" (same weights) or "+" (last weight counting up).
    const continues = (mode: '=' | '+', j: number): boolean => {
      const other = weightsOf(j);
      if (codePoints[j] !== codePoints[i] + (j - i) || other.length !== own.length) return false;
      if (mode === '+' && own.length === 0) return false;
      return other.every((w, k) => w === own[k] + (mode === '+' && k === own.length - 1 ? j - i : 0));
    };
    const runOf = (mode: '=' | '+'): number => {
      let j = i + 1;
      while (j < codePoints.length && continues(mode, j)) j++;
      return j - i - 1;
    };
    const same = runOf('=');
    const counting = runOf('+');
    const [mode, more] = same >= counting ? ['=', same] : ['+', counting];
    const skip = codePoints[i] - next;
    entries.push(
      (skip > 0 ? `${skip.toString(36)}:` : '') +
        Array.from(own, (w) => w.toString(16).padStart(4, '0')).join('') +
        (more > 0 ? `${mode}${more.toString(36)}` : ''),
    );
    next = codePoints[i] + more + 1;
    i += more + 1;
  }
  let previous = 0;
  const gaps = Array.from(table.likeDistinct, (codePoint) => {
    const gap = codePoint - previous;
    previous = codePoint;
    return gap.toString(36);
  });
  return `${entries.join(',')};${gaps.join(',')}`;
}
