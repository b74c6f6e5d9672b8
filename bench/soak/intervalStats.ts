/** What one row of the soak's report holds: the requests scheduled within one interval (a minute by default). */
export interface IntervalStats {
  sent: number;
  /** Answered by the application (any status but the refusals below). */
  accepted: number;
  /** Latencies of the accepted reads and creates, ms from their scheduled time (client-side waiting included). */
  latencies: { reads: number[]; creates: number[] };
  /** 503 answers (wc_host_overloaded; also wc_host_db_unavailable and others), by code. */
  refused503: Record<string, number>;
  refused429: number;
  /** Other 5xx answers. */
  serverErrors: number;
  /** No answer: connection refused or reset, or the generator's timeout. */
  failed: number;
  /** The server's resident set size at the end of the interval, MiB. */
  rssMiB: number | null;
}

export function emptyInterval(): IntervalStats {
  return {
    sent: 0,
    accepted: 0,
    latencies: { reads: [], creates: [] },
    refused503: {},
    refused429: 0,
    serverErrors: 0,
    failed: 0,
    rssMiB: null,
  };
}

/** The value below which `fraction` of the sorted `values` lie (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function refused503Total(stats: IntervalStats): number {
  return Object.values(stats.refused503).reduce((sum, count) => sum + count, 0);
}

export function sorted(values: number[]): number[] {
  return values.slice().sort((a, b) => a - b);
}

/** Adds `from` into `into` (for the whole run's row). */
export function mergeInterval(into: IntervalStats, from: IntervalStats): void {
  into.sent += from.sent;
  into.accepted += from.accepted;
  for (const latency of from.latencies.reads) into.latencies.reads.push(latency);
  for (const latency of from.latencies.creates) into.latencies.creates.push(latency);
  for (const [code, count] of Object.entries(from.refused503))
    into.refused503[code] = (into.refused503[code] ?? 0) + count;
  into.refused429 += from.refused429;
  into.serverErrors += from.serverErrors;
  into.failed += from.failed;
  into.rssMiB = Math.max(into.rssMiB ?? 0, from.rssMiB ?? 0);
}
