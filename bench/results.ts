import type { WalkResult } from './exportWalk';
import type { ReadOutcome, ServerFigures } from './measureScenario';
import type { BenchOptions } from './options';
import type { SeedReport } from './seedDatabase';

/** What `bench/results/latest.json` holds: everything the tables show, and the seed behind them. */
export interface BenchResults {
  options: Omit<BenchOptions, 'mysqlServerUrl'>;
  startedAt: string;
  finishedAt: string | null;
  databases: DatabaseResult[];
}

export interface DatabaseResult {
  database: 'sqlite' | 'mariadb';
  seed: SeedReport;
  analyzeSeconds: number | null;
  indexSeconds: number;
  busiestCustomer: { id: number; orders: number };
  heavyCustomers: number;
  passes: PassResult[];
}

export type OrderStorageName = 'hpos' | 'posts';

export interface PassResult {
  database: 'sqlite' | 'mariadb';
  storage: OrderStorageName;
  /** MariaDB: the buffer pool size of the pass; null on SQLite. */
  bufferPool: string | null;
  /** wc-host's worker processes in this pass (1: one process, as `npm start` runs it). */
  workers: number;
  reads: ReadRow[];
  walk: { host: WalkResult; baseline: WalkResult };
  writes: WriteRow[];
}

export interface ReadRow {
  scenario: string;
  /** Both servers were asked the same first request, so their X-WP-Total must agree. */
  totalsComparable: boolean;
  host: ReadOutcome;
  baseline: ReadOutcome;
  /** wc-host req/s ÷ baseline req/s; null when either side has no figure. */
  ratio: number | null;
}

export interface WriteRow {
  scenario: string;
  host: ServerFigures;
}
