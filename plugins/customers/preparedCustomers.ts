/**
 * Customers already serialized for a list, per user: the frozen item (with its `_links`) and — through
 * rememberEncoding — its JSON. An entry serves only while the user's version (bumped by the lookup's triggers on any
 * change to the user's row, meta or orders) is the one it was made at, and only for the same way of presenting it
 * (the "variant": API version, context, site clock, links root, order storage…). Bounded: least recently used first.
 */
export class PreparedCustomers {
  private readonly entries = new Map<number, { version: number; variants: Map<string, object> }>();

  constructor(private readonly limit: number) {}

  get(userId: number, version: number, variant: string): object | undefined {
    const entry = this.entries.get(userId);
    if (!entry || entry.version !== version) return undefined;
    const item = entry.variants.get(variant);
    if (item) {
      // Most recently used goes last.
      this.entries.delete(userId);
      this.entries.set(userId, entry);
    }
    return item;
  }

  set(userId: number, version: number, variant: string, item: object): void {
    let entry = this.entries.get(userId);
    if (!entry || entry.version !== version) {
      this.entries.delete(userId);
      entry = { version, variants: new Map() };
    }
    entry.variants.set(variant, item);
    this.entries.set(userId, entry);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as number);
  }

  get size(): number {
    return this.entries.size;
  }
}
