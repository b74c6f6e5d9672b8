export interface WalkResult {
  /** Pages fetched. */
  pages: number;
  /** ceil(X-WP-Total / per_page) of the first page. */
  totalPages: number;
  total: number;
  /** Walked to the last page. */
  complete: boolean;
  /** Why it stopped early: the page cap, the time budget, a timeout or an error status. */
  stoppedBecause: string | null;
  seconds: number;
  pagesPerSecond: number;
  slowestMs: number;
  slowestPage: number;
  /** Distinct customer ids seen, and ids seen more than once (a page boundary that moved). */
  distinctIds: number;
  duplicateIds: number;
  /** When complete: distinct ids ≠ X-WP-Total (customers missed or listed twice). */
  mismatch: boolean | null;
}

export interface WalkLimits {
  perPage: number;
  /** At most this many pages (null: all). */
  maxPages: number | null;
  /** One page may take this long. */
  pageTimeoutSeconds: number;
  /** The whole walk may take this long (null: no limit). */
  budgetSeconds: number | null;
}

/**
 * The export walk an ERP runs: one client, pages 1…last of the default list at per_page=100, one after the other.
 * Reports the total time, pages/s, the slowest page, and whether every customer was seen exactly once.
 */
export async function exportWalk(
  url: string,
  authorization: string,
  api: string,
  limits: WalkLimits,
): Promise<WalkResult> {
  const seen = new Set<number>();
  let duplicateIds = 0;
  let total = 0;
  let totalPages = 1;
  let slowestMs = 0;
  let slowestPage = 0;
  let stoppedBecause: string | null = null;
  let pages = 0;
  const started = performance.now();
  for (let page = 1; page <= totalPages; page++) {
    if (limits.maxPages !== null && page > limits.maxPages) {
      stoppedBecause = `--walk-pages ${limits.maxPages}`;
      break;
    }
    if (limits.budgetSeconds !== null && performance.now() - started > limits.budgetSeconds * 1000) {
      stoppedBecause = `time budget of ${limits.budgetSeconds} s`;
      break;
    }
    const pageStarted = performance.now();
    let response: Response;
    try {
      response = await fetch(`${url}/wp-json/wc/${api}/customers?per_page=${limits.perPage}&page=${page}`, {
        headers: { authorization },
        signal: AbortSignal.timeout(limits.pageTimeoutSeconds * 1000),
      });
    } catch (error) {
      stoppedBecause =
        error instanceof Error && error.name === 'TimeoutError'
          ? `page ${page} timed out (> ${limits.pageTimeoutSeconds} s)`
          : `page ${page}: ${String(error)}`;
      break;
    }
    const body: unknown = await response.json();
    const elapsed = performance.now() - pageStarted;
    if (!response.ok || !Array.isArray(body)) {
      stoppedBecause = `page ${page} answered ${response.status}`;
      break;
    }
    pages++;
    if (elapsed > slowestMs) [slowestMs, slowestPage] = [elapsed, page];
    if (page === 1) {
      total = Number(response.headers.get('x-wp-total') ?? 0);
      totalPages = Math.max(1, Math.ceil(total / limits.perPage));
    }
    for (const item of body as Array<{ id?: unknown }>) {
      const id = Number(item.id);
      if (seen.has(id)) duplicateIds++;
      else seen.add(id);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const complete = stoppedBecause === null;
  return {
    pages,
    totalPages,
    total,
    complete,
    stoppedBecause,
    seconds,
    pagesPerSecond: pages / Math.max(seconds, 0.001),
    slowestMs: Math.round(slowestMs),
    slowestPage,
    distinctIds: seen.size,
    duplicateIds,
    mismatch: complete ? seen.size !== total || duplicateIds > 0 : null,
  };
}
