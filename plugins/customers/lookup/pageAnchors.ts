/** A row of an ordered result whose position is known: the sort value, the user id, and its 0-based offset. */
export interface Anchor {
  offset: number;
  key: unknown;
  id: number;
  /** The last row of a page a client was sent: a request starting right after it is walking the pages in order. */
  pageEnd: boolean;
}

/**
 * Known positions in one ordered result (one query shape, one lookup generation). A page at offset N starts from the
 * nearest known row before N and skips only the rows in between, instead of all N: walking every page in order
 * reads each row about once, and asking for the same deep page again costs one short index range.
 */
export class PageAnchors {
  private readonly anchors: Anchor[] = [];

  /** The known row with the greatest offset below `offset`, if any. */
  before(offset: number): Anchor | undefined {
    let low = 0;
    let high = this.anchors.length - 1;
    let found: Anchor | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.anchors[middle].offset < offset) {
        found = this.anchors[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  record(anchor: Anchor): void {
    const at = this.anchors.findIndex((existing) => existing.offset >= anchor.offset);
    if (at === -1) this.anchors.push(anchor);
    else if (this.anchors[at].offset === anchor.offset)
      this.anchors[at] = { ...anchor, pageEnd: anchor.pageEnd || this.anchors[at].pageEnd };
    else this.anchors.splice(at, 0, anchor);
    // Bounded: beyond 4,096 known rows, keep every other one (a page then skips at most twice as far).
    if (this.anchors.length > 4096) {
      const kept = this.anchors.filter((_, index) => index % 2 === 0);
      this.anchors.splice(0, this.anchors.length, ...kept);
    }
  }
}
