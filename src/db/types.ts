import type { DataSource } from 'typeorm';

export type Dialect = 'sqlite' | 'mysql';

/** Result of a write statement. */
export interface WriteResult {
  insertId: number;
  affectedRows: number;
}

/**
 * The SQL surface every part of wc-host uses: `?` placeholders work on both databases.
 * Tables are named through `table('users')` → `wp_users` (the configured prefix).
 */
export interface Db {
  readonly dialect: Dialect;
  /** Table prefix, e.g. `wp_`. */
  readonly prefix: string;
  readonly dataSource: DataSource;
  /** The prefixed, quoted table name: `table('users')` → `` `wp_users` `` (MySQL) or `"wp_users"` (SQLite). */
  table(baseName: string): string;
  /** Runs a SELECT and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs a SELECT that may take long (a scan of every user). On a SQLite file it runs on a worker thread's own
   * connection, so the event loop keeps serving meanwhile; it sees every committed write, but not the open
   * transaction's (inside `transaction()` it runs on the transaction's connection instead). Elsewhere: `query`.
   */
  queryLong<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs INSERT/UPDATE/DELETE. */
  execute(sql: string, params?: readonly unknown[]): Promise<WriteResult>;
  /**
   * Runs `work` in one write transaction. Write transactions are serialized in-process (SQLite has one connection)
   * and, when `lock` is given, across processes too (MySQL `GET_LOCK(lock)`; SQLite `BEGIN IMMEDIATE`).
   * Nested calls reuse the outer transaction. Any throw rolls everything back.
   */
  transaction<T>(work: (tx: Db) => Promise<T>, options?: { lock?: string }): Promise<T>;
  /** True inside `transaction()`. */
  readonly inTransaction: boolean;
  /** Ends what this Db started besides the DataSource (SQLite's reader threads). Call before destroying the DataSource. */
  close(): Promise<void>;
}
