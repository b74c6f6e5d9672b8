/**
 * A map that keeps at most `limit` entries, dropping the least recently used: Map keeps insertion order, so a hit
 * moves its key to the end and the first key is the one to drop.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`An LRU cache needs a limit of at least 1, not ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, computed (and remembered) when missing. */
  getOrCreate(key: K, create: (key: K) => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = create(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}
