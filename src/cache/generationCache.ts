/**
 * Values computed from data that carries a generation number (bumped by every change to that data): an entry is
 * served only to a reader that saw the same generation, and a newer generation drops every older entry. A reader
 * that saw an older generation than the cache's (it started before a change landed) gets nothing and stores
 * nothing. Bounded by emptying itself when full.
 */
export class GenerationCache<V> {
  private generation = Number.NEGATIVE_INFINITY;
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(generation: number, key: string): V | undefined {
    return this.current(generation) ? this.entries.get(key) : undefined;
  }

  set(generation: number, key: string, value: V): void {
    if (!this.current(generation)) return;
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }

  delete(generation: number, key: string): void {
    if (generation === this.generation) this.entries.delete(key);
  }

  private current(generation: number): boolean {
    if (generation > this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    return generation === this.generation;
  }
}
