import { percentile, refused503Total, sorted, type IntervalStats } from './intervalStats';

/**
 * The soak's target: the reads the server accepts keep a p99 under this, whatever is offered. Creates are shown on
 * their own: each spends ~60 ms of CPU on its bcrypt hash (WordPress's cost 10) before any queueing.
 */
export const P99_TARGET_MS = 100;

export function printHeader(): void {
  console.log(
    [
      'from',
      'sent',
      'accepted/s',
      'read p50',
      'read p99',
      'read max',
      'create p50',
      'create p99',
      'RSS MiB',
      '503',
      '429',
      '5xx',
      'no answer',
    ]
      .map((cell) => cell.padStart(11))
      .join(''),
  );
}

export function printRow(label: string, stats: IntervalStats, seconds: number): void {
  const reads = sorted(stats.latencies.reads);
  const creates = sorted(stats.latencies.creates);
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
  console.log(
    [
      label,
      String(stats.sent),
      (stats.accepted / seconds).toFixed(1),
      ms(percentile(reads, 0.5)),
      ms(percentile(reads, 0.99)),
      ms(reads.length ? reads[reads.length - 1] : Number.NaN),
      ms(percentile(creates, 0.5)),
      ms(percentile(creates, 0.99)),
      stats.rssMiB === null ? '-' : String(stats.rssMiB),
      String(refused503Total(stats)),
      String(stats.refused429),
      String(stats.serverErrors),
      String(stats.failed),
    ]
      .map((cell) => cell.padStart(11))
      .join(''),
  );
}

/** The last lines: the refusals by code and whether the accepted requests met the p99 target. */
export function printVerdict(total: IntervalStats): void {
  const codes = Object.entries(total.refused503).map(([code, count]) => `${code} ${count}`);
  console.log(`503 by code: ${codes.length ? codes.join(', ') : 'none'}`);
  const p99 = percentile(sorted(total.latencies.reads), 0.99);
  const refusedShare = total.sent > 0 ? (100 * (refused503Total(total) + total.refused429)) / total.sent : 0;
  console.log(
    `accepted reads p99 ${Number.isNaN(p99) ? '-' : p99.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${p99 < P99_TARGET_MS ? 'met' : 'missed'}); ` +
      `refused ${refusedShare.toFixed(1)} % of ${total.sent}; no answer ${total.failed}; other 5xx ${total.serverErrors}`,
  );
  const all = percentile(sorted([...total.latencies.reads, ...total.latencies.creates]), 0.99);
  console.log(`all accepted requests (creates too) p99 ${Number.isNaN(all) ? '-' : all.toFixed(1)} ms`);
}
