import type { WalkResult } from './exportWalk';
import type { ReadOutcome, ServerFigures } from './measureScenario';
import type { BenchOptions } from './options';
import type { DatabaseResult, PassResult, ReadRow, WriteRow } from './results';

const out = (line = '') => process.stdout.write(`${line}\n`);
const SCENARIO_WIDTH = 50;
const COLUMNS = ['req/s', 'p50', 'p99', 'cpu/req', 'RSS'];
const WIDTHS = [8, 7, 7, 9, 5];
const SIDE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const STORAGE_NAMES = { hpos: 'HPOS (wc_orders)', posts: 'posts storage (posts/postmeta)' } as const;

export function printPassHeader(
  pass: Pick<PassResult, 'database' | 'storage' | 'bufferPool' | 'workers'>,
  options: BenchOptions,
): void {
  const side = (name: string) => `${name}: ${COLUMNS.map((column, i) => column.padStart(WIDTHS[i])).join('')}`;
  const pool = pass.bufferPool ? `, buffer pool ${pass.bufferPool}` : '';
  out();
  out(
    `${pass.database} · ${STORAGE_NAMES[pass.storage]}${pool}${workersLabel(pass.workers, options)} · ${options.customers.toLocaleString('en-US')} customers, ` +
      `${options.orders.toLocaleString('en-US')} orders · wc/${options.api} · ${options.connections} connections, ${options.durationSeconds} s each ` +
      `(after ${options.warmUpSeconds} s warm-up)`,
  );
  out(
    `Latencies in ms; cpu/req = the server's CPU ms per request sent; RSS = its peak MiB (VmHWM) since it started; * = a slow scenario: a few sequential requests`,
  );
  out(`${'scenario'.padEnd(SCENARIO_WIDTH)} ${side('wc-host')} | ${side('baseline')} | ratio`);
}

export function printReadRow(row: ReadRow): void {
  const notes: string[] = [];
  for (const [name, outcome] of [
    ['wc-host', row.host],
    ['baseline', row.baseline],
  ] as const) {
    if (outcome.kind !== 'measured') continue;
    const f = outcome.figures;
    if (f.non2xx + f.errors > 0)
      notes.push(`${name}: ${f.non2xx} non-2xx, ${f.errors} errors${f.timeouts ? ` (${f.timeouts} timeouts)` : ''}`);
    if (outcome.status >= 300) notes.push(`${name} answered ${outcome.status}`);
    if (outcome.restartedAfter) notes.push(`${name} had exited (${outcome.restartedAfter}) and was restarted`);
  }
  const hostTotal = row.host.kind === 'measured' ? row.host.total : null;
  const baselineTotal = row.baseline.kind === 'measured' ? row.baseline.total : null;
  if (hostTotal !== null && row.totalsComparable) {
    notes.push(
      hostTotal === baselineTotal || baselineTotal === null
        ? `total ${hostTotal}`
        : `total ${hostTotal} vs baseline ${baselineTotal}`,
    );
  }
  out(
    `${row.scenario.padEnd(SCENARIO_WIDTH)} ${side('wc-host', row.host)} | ${side('baseline', row.baseline)} | ` +
      `${(row.ratio === null ? 'n/a' : row.ratio.toFixed(2)).padStart(5)}${notes.length ? `  (${notes.join('; ')})` : ''}`,
  );
}

function side(name: string, outcome: ReadOutcome): string {
  const indent = ' '.repeat(name.length + 1);
  if (outcome.kind === 'timed out')
    return `${indent} ${`timed out (> ${outcome.timeoutSeconds} s)`.padStart(SIDE_WIDTH)}`;
  return `${indent} ${figures(outcome.figures, outcome.mode === 'few')}`;
}

function figures(x: ServerFigures, few = false): string {
  const rate = `${x.requestsPerSecond.toFixed(x.requestsPerSecond < 10 ? 2 : 0)}${few ? '*' : ''}`;
  const values = [rate, x.p50, x.p99, x.cpuMsPerRequest.toFixed(2), x.peakRssMiB];
  return values.map((value, i) => String(value).padStart(WIDTHS[i])).join('');
}

export function printWalk(name: string, walk: WalkResult): void {
  const end = walk.complete
    ? `all ${walk.pages} pages`
    : `${walk.pages} of ${walk.totalPages} pages, stopped: ${walk.stoppedBecause}`;
  const check = walk.complete
    ? walk.mismatch
      ? `MISMATCH: ${walk.distinctIds} distinct ids, ${walk.duplicateIds} seen twice, X-WP-Total ${walk.total}`
      : `${walk.distinctIds} distinct ids = X-WP-Total`
    : `${walk.distinctIds} distinct ids so far${walk.duplicateIds ? `, ${walk.duplicateIds} seen twice` : ''}`;
  out(
    `export walk (per_page=100, one client), ${name}: ${end} in ${walk.seconds.toFixed(1)} s, ${walk.pagesPerSecond.toFixed(1)} pages/s, ` +
      `slowest page ${walk.slowestPage} (${walk.slowestMs} ms); ${check}`,
  );
}

export function printWrites(rows: readonly WriteRow[]): void {
  out('writes (wc-host only; a fixed number of requests on 2 connections):');
  for (const row of rows) {
    const x = row.host;
    const failures = x.non2xx + x.errors > 0 ? `  (${x.non2xx} non-2xx, ${x.errors} errors)` : '';
    out(
      `   ${row.scenario.padEnd(SCENARIO_WIDTH - 3)} ${x.completed} requests: ${x.requestsPerSecond.toFixed(1)} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms, ${x.cpuMsPerRequest.toFixed(1)} CPU ms/request${failures}`,
    );
  }
}

export function printSummary(databases: readonly DatabaseResult[], options: BenchOptions): void {
  out();
  out(
    `Seed and index (${options.customers.toLocaleString('en-US')} customers, ${options.orders.toLocaleString('en-US')} orders):`,
  );
  for (const db of databases) {
    const tables = db.seed.tables
      .map((t) => `${t.table} ${t.rows.toLocaleString('en-US')} rows ${(t.loadSeconds + t.keySeconds).toFixed(1)} s`)
      .join(', ');
    out(`   ${db.database}: seeded in ${db.seed.seconds.toFixed(1)} s with ${db.seed.method} (${tables})`);
    if (db.analyzeSeconds !== null) out(`   ${db.database}: ANALYZE TABLE ${db.analyzeSeconds.toFixed(1)} s`);
    out(`   ${db.database}: wc-host db index ${db.indexSeconds.toFixed(1)} s`);
  }
  printVerdicts(
    databases.flatMap((db) => db.passes),
    options,
  );
  printWorkersSideBySide(
    databases.flatMap((db) => db.passes),
    options,
  );
}

/** ` · 2 workers` when the run compares worker counts (or uses more than one). */
function workersLabel(workers: number, options: BenchOptions): string {
  return options.workers.length > 1 || workers > 1 ? ` · ${workers} worker${workers === 1 ? '' : 's'}` : '';
}

/** With `--workers 1,2`: wc-host's req/s (and p99) per scenario for each worker count, per database and storage. */
function printWorkersSideBySide(passes: readonly PassResult[], options: BenchOptions): void {
  if (options.workers.length < 2) return;
  const groups = new Map<string, PassResult[]>();
  for (const pass of passes) {
    const label = `${pass.database} · ${STORAGE_NAMES[pass.storage]}${pass.bufferPool ? `, buffer pool ${pass.bufferPool}` : ''}`;
    groups.set(label, [...(groups.get(label) ?? []), pass]);
  }
  const rate = (x: ServerFigures) =>
    `${x.requestsPerSecond.toFixed(x.requestsPerSecond < 10 ? 2 : 0)} req/s p99 ${x.p99}`.padStart(22);
  for (const [label, group] of groups) {
    out();
    out(
      `wc-host by worker count · ${label}: ${group.map((pass) => `${pass.workers} worker(s)`.padStart(22)).join(' |')}`,
    );
    for (const row of group[0].reads) {
      const cells = group.map((pass) => {
        const outcome = pass.reads.find((other) => other.scenario === row.scenario)?.host;
        return outcome?.kind === 'measured' ? rate(outcome.figures) : 'n/a'.padStart(22);
      });
      out(`   ${row.scenario.padEnd(SCENARIO_WIDTH - 3)} ${cells.join(' |')}`);
    }
    for (const row of group[0].writes) {
      const cells = group.map((pass) => {
        const figures = pass.writes.find((other) => other.scenario === row.scenario)?.host;
        return figures ? rate(figures) : 'n/a'.padStart(22);
      });
      out(`   ${row.scenario.padEnd(SCENARIO_WIDTH - 3)} ${cells.join(' |')}`);
    }
  }
}

/** Issue 10's targets, per pass: every read p50 < 20 ms and p99 < 100 ms, the whole walk under 5 minutes, RSS < 300 MiB. */
function printVerdicts(passes: readonly PassResult[], options: BenchOptions): void {
  if (passes.length === 0) return;
  out();
  out(
    `Targets (${options.customers.toLocaleString('en-US')} customers, ${options.connections} connections): reads p50 < 20 ms and p99 < 100 ms, walk < 300 s, RSS < 300 MiB`,
  );
  for (const pass of passes) {
    const label = `${pass.database} · ${STORAGE_NAMES[pass.storage]}${pass.bufferPool ? `, buffer pool ${pass.bufferPool}` : ''}${workersLabel(pass.workers, options)}`;
    const misses: string[] = [];
    let peakRss = 0;
    for (const row of pass.reads) {
      if (row.host.kind !== 'measured') {
        misses.push(`${row.scenario} timed out`);
        continue;
      }
      const { p50, p99, peakRssMiB } = row.host.figures;
      peakRss = Math.max(peakRss, peakRssMiB);
      if (p50 >= 20 || p99 >= 100) misses.push(`${row.scenario} p50 ${p50} / p99 ${p99} ms`);
    }
    const walk = pass.walk.host;
    if (!walk.complete || walk.seconds >= 300)
      misses.push(
        `walk ${walk.complete ? `${walk.seconds.toFixed(1)} s` : `incomplete (${walk.stoppedBecause ?? 'stopped'})`}`,
      );
    if (peakRss >= 300) misses.push(`RSS ${peakRss} MiB`);
    out(`   ${label}: ${misses.length === 0 ? 'met' : `NOT met: ${misses.join('; ')}`}`);
  }
}
