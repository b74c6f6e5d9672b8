import type { Db } from './types';

/** The prepared statements a Db's own readers hold, and the most each may hold. */
export interface StatementCacheStats {
  /** The most one connection keeps (STATEMENT_CACHE_LIMIT). */
  limit: number;
  /** Held for the main SQLite connection's direct reads (0 on MySQL: its reads prepare nothing). */
  main: number;
  /** Held by each read-pool worker thread (SQLite files only). */
  workers: number[];
}

const statsOf = new WeakMap<Db, () => StatementCacheStats>();

/** Called by createDb for each Db it makes. */
export function registerStatementCaches(db: Db, stats: () => StatementCacheStats): void {
  statsOf.set(db, stats);
}

/** What a Db's statement caches hold now: for tests and diagnostics, without widening the Db interface. */
export function statementCacheStats(db: Db): StatementCacheStats {
  const stats = statsOf.get(db);
  if (!stats) throw new Error('This Db was not made by createDb');
  return stats();
}
