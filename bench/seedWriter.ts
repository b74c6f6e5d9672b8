/** A value as the drivers take it. */
export type SqlValue = string | number | null;

/** One table's seed: its rows, produced on demand in insert order (never all in memory). */
export interface TableLoad {
  /** Unprefixed, e.g. `usermeta`. */
  table: string;
  columns: readonly string[];
  /** How many rows `rows()` yields (for progress). */
  count: number;
  rows(): Iterable<readonly SqlValue[]>;
}

/** What loading one table took: the rows, then rebuilding its secondary keys. */
export interface TableTiming {
  table: string;
  rows: number;
  loadSeconds: number;
  keySeconds: number;
}

/**
 * Bulk-loads tables straight through a driver: secondary keys are dropped first and rebuilt once at the end (a
 * sorted build instead of millions of random B-tree inserts), rows stream in large statements and transactions.
 */
export interface SeedWriter {
  /** How rows travel, for the log: `LOAD DATA LOCAL INFILE`, `multi-row INSERT`, … */
  readonly method: string;
  load(load: TableLoad, progress: (rowsDone: number) => void): Promise<TableTiming>;
  close(): Promise<void>;
}
