import { forgetOldest } from '../../src/cache/forgetOldest';

/** A customer as a list shows it (frozen, its JSON remembered), or null for a user that does not exist. */
export type PreparedItem = Promise<object | null>;

/**
 * Customers already serialized for a list, per user: the frozen item (with its `_links`) and — through
 * rememberEncoding — its JSON. An entry serves only while the user's version (bumped by the lookup's triggers on any
 * change to the user's row, meta or orders) is the one it was made at, and only for the same way of presenting it
 * (the "variant": API version, context, site clock, links root, order storage…). Entries are promises, so an item
 * being made (say, for the next page of a walk) is awaited rather than made twice. Bounded: least recently used first.
 */
export class PreparedCustomers {
  private readonly entries = new Map<number, { version: number; variants: Map<string, PreparedItem> }>();
  /** Users asked for one by one once already (most recent last), so worth keeping when asked again. */
  private readonly askedOnce = new Map<number, true>();

  constructor(private readonly limit: number) {}

  /**
   * Whether a customer asked for on its own (GET one) is worth an entry: it has one, or it was asked for before. A
   * customer asked for once is answered without one — an entry costs a version read and a second load of the user
   * (the permission check's load came before the version, so it cannot be kept) — which would only slow down
   * requests spread over a million customers.
   */
  worthKeeping(userId: number): boolean {
    if (this.entries.has(userId) || this.askedOnce.delete(userId)) return true;
    this.askedOnce.set(userId, true);
    forgetOldest(this.askedOnce, this.limit * 5);
    return false;
  }

  get(userId: number, version: number, variant: string): PreparedItem | undefined {
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

  /** Whether the user has an item (made or being made) of this variant, of any version; not a use of it. */
  has(userId: number, variant: string): boolean {
    return this.entries.get(userId)?.variants.has(variant) ?? false;
  }

  set(userId: number, version: number, variant: string, item: PreparedItem): void {
    let entry = this.entries.get(userId);
    if (!entry || entry.version !== version) {
      this.entries.delete(userId);
      entry = { version, variants: new Map() };
    }
    entry.variants.set(variant, item);
    this.entries.set(userId, entry);
    forgetOldest(this.entries, this.limit);
    // A failed making is forgotten, so the next request tries again.
    item.catch(() => {
      if (this.entries.get(userId)?.variants.get(variant) === item) this.entries.get(userId)?.variants.delete(variant);
    });
  }

  get size(): number {
    return this.entries.size;
  }
}
