/**
 * Remembers what `compute` returned per key, for values requests recompute over and over (a key's lookup hash, a stored
 * capabilities value's expansion). Bounded by emptying itself when full: the usual keys are few and come back at once,
 * while a flood of distinct ones (made-up API keys, per-user caps) costs memory no more than `limit` entries.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const remembered = new Map<string, V>();
  return (key) => {
    if (remembered.has(key)) return remembered.get(key) as V;
    const value = compute(key);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(key, value);
    return value;
  };
}
