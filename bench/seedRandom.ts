/**
 * Deterministic randomness for the seed: the same flags give the same database on every run and machine, and each
 * user's or order's values come from its own stream (`streamFor(kind, n)`), so a table can be generated on its own,
 * in any order, without keeping the other tables' values in memory.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** true with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough to spread test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** The stream of one entity: `kind` separates users from orders, `n` is the entity's index. */
export function streamFor(kind: number, n: number): Random {
  // Two rounds of integer hashing so neighbouring indexes get unrelated seeds.
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(kind + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return createRandom(h ^ (h >>> 16));
}

/** Picks from `[item, weight]` pairs in proportion to the weights (precomputed cumulative table). */
export function weightedPicker<T>(entries: ReadonlyArray<readonly [T, number]>): (random: Random) => T {
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, weight] of entries) cumulative.push((sum += weight));
  return (random) => {
    const target = random.next() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return items[low];
  };
}
