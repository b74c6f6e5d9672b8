import type { DataSource } from 'typeorm';

/** The part of mysql2's pool (lib/base/pool.js) that holds the callers waiting for a free connection. */
interface Mysql2Pool {
  _connectionQueue?: { length: number };
}

/**
 * How many callers wait for a pooled database connection right now: mysql2's queue behind TypeORM's `driver.pool`
 * (a private field, read defensively: 0 if a mysql2 release renames it). SQLite has no pool: its one connection is
 * used synchronously (better-sqlite3); writers taking turns on the write lock (src/db/asyncMutex.ts, which keeps no
 * count) are requests in flight, bounded by WC_HOST_MAX_IN_FLIGHT instead.
 */
export function dbPoolQueueLength(dataSource: DataSource): number {
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  const length = pool?._connectionQueue?.length;
  return typeof length === 'number' ? length : 0;
}
