/** A repeatable random source (mulberry32) for property tests: the same seed gives the same cases on every run. */
export interface SeededRandom {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(percent: number): boolean;
  /** `count` distinct items (or all of them). */
  sample<T>(items: readonly T[], count: number): T[];
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const int = (n: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return {
    int,
    pick,
    chance: (percent) => int(100) < percent,
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const chosen: T[] = [];
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(int(pool.length), 1)[0]);
      return chosen;
    },
  };
}
