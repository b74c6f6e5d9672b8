import { codePointAt, collationData } from './collationData';
import { implicitFirstWeight, implicitSecondWeight } from './implicitWeights';

// MariaDB compares two weight sequences weight by weight; when one runs out, its missing weights count as SPACE's
// (PAD SPACE). That is plain lexicographic order of the sequences padded with SPACE forever. Some weights are below
// SPACE's (TAB, LF, VT, FF, CR, U+0085, U+180E, U+2028, U+2029), so trailing spaces cannot just be dropped:
// 'a' > 'a \t' because at the third weight SPACE (padding) > TAB.
//
// The key cuts the sequence into tokens (k, w): k SPACE weights, then one other weight w; trailing spaces are
// dropped and END (= SPACE forever) closes it. Two padded sequences first differ inside their first differing
// tokens, and tokens compare so:
//   (k, w) vs (k, w'):            by w;
//   (k, w) vs (k', w'), k < k':   at k's position w meets SPACE, so (k, w) is smaller iff w < SPACE;
//   (k, w) vs END:                the same, w meets SPACE.
// Hence: [w < SPACE tokens by (k up, w up)] < END < [w > SPACE tokens by (k down, w up)]. The bytes keep that
// order, and no token's bytes are a prefix of another's (the first bytes tell the length), so memcmp of keys is
// the order of the tokens, which is MariaDB's order; equal keys are equal padded sequences, i.e. MariaDB `=`.
//   w < SPACE:             00, K(k), w (2 bytes)
//   END:                   01
//   w > SPACE, k ≥ 1:      02, K(k) with every byte inverted (reverses the order), w (2)
//   w > SPACE, k = 0:      03, w (2)  when w < 0x400;  w (2) otherwise (first byte ≥ 04): two bytes a weight, mostly
// K(k) = [k] when k < 0xF0, else [F4, k (4 bytes)]: keeps the order of k, and the first byte tells the length.

let key = Buffer.allocUnsafeSlow(1024);
let length = 0;
let spaces = 0;

export function sortKey(text: string): Buffer {
  const data = collationData();
  const { asciiWeight, entryPages, offsets, weights, spaceWeight } = data;
  length = 0;
  spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      const weight = asciiWeight[unit];
      if (weight !== 0) push(weight, spaceWeight);
      continue;
    }
    const codePoint = codePointAt(text, i);
    if (codePoint > 0xffff) i++;
    const entry = entryPages[codePoint >>> 8]?.[codePoint & 0xff] ?? -1;
    if (entry < 0) {
      push(implicitFirstWeight(codePoint), spaceWeight);
      push(implicitSecondWeight(codePoint), spaceWeight);
    } else {
      for (let w = offsets[entry]; w < offsets[entry + 1]; w++) push(weights[w], spaceWeight);
    }
  }
  reserve(1);
  key[length++] = 0x01;
  const out = Buffer.allocUnsafe(length);
  key.copy(out, 0, 0, length);
  if (key.length > 1 << 20) key = Buffer.allocUnsafeSlow(1024); // a huge text's scratch is not kept
  return out;
}

function push(weight: number, spaceWeight: number): void {
  if (weight === spaceWeight) {
    spaces++;
    return;
  }
  reserve(8);
  if (weight < spaceWeight) {
    key[length++] = 0x00;
    pushCount(0);
  } else if (spaces > 0) {
    key[length++] = 0x02;
    pushCount(0xff);
  } else if (weight < 0x400) {
    key[length++] = 0x03;
  }
  key[length++] = weight >>> 8;
  key[length++] = weight & 0xff;
  spaces = 0;
}

/** K(spaces), each byte XOR `invert`. */
function pushCount(invert: number): void {
  if (spaces < 0xf0) {
    key[length++] = spaces ^ invert;
    return;
  }
  key[length++] = 0xf4 ^ invert;
  for (let shift = 24; shift >= 0; shift -= 8) key[length++] = ((spaces >>> shift) & 0xff) ^ invert;
}

function reserve(bytes: number): void {
  if (length + bytes <= key.length) return;
  const larger = Buffer.allocUnsafeSlow(Math.max(key.length * 2, length + bytes));
  key.copy(larger, 0, 0, length);
  key = larger;
}
