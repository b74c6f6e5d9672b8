import type { DataSource } from 'typeorm';
import { LruCache } from '../cache/lruCache';
import { STATEMENT_CACHE_LIMIT } from './statementCacheLimit';
import type { Dialect } from './types';

/** Runs a read on the driver's own connection (pool), returning its rows. */
export type DirectReader = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A DirectReader that can say how many prepared statements it holds (SQLite; MySQL holds none). */
export interface CachingDirectReader extends DirectReader {
  cachedStatements(): number;
}

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface MysqlPool {
  query(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * Reads outside transactions skip TypeORM's query runner: per statement it logs, broadcasts before/after events and
 * (MySQL) checks a connection in and out, which on the hot GET paths cost more than the query itself. The
 * connection is the very one TypeORM opened (SQLite's single handle; MySQL's pool with WordPress's sql_mode), so
 * what a read sees is unchanged. Prepared SQLite statements are kept per SQL text, the STATEMENT_CACHE_LIMIT most
 * recently used; MySQL reads use the text protocol (mysql2 `query`), which prepares nothing.
 */
export function createDirectReader(dataSource: DataSource, dialect: Dialect): CachingDirectReader {
  const driver = dataSource.driver as unknown as { databaseConnection?: unknown; pool?: unknown };
  if (dialect === 'sqlite') {
    const connection = driver.databaseConnection as SqliteConnection | undefined;
    if (!connection || typeof connection.prepare !== 'function') throw new Error('The SQLite connection is not open');
    const statements = new LruCache<string, SqliteStatement>(STATEMENT_CACHE_LIMIT);
    const prepare = (sql: string) => connection.prepare(sql);
    const read = async (sql: string, params: readonly unknown[]) =>
      // better-sqlite3 cannot bind booleans.
      statements
        .getOrCreate(sql, prepare)
        .all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p))) as Record<string, unknown>[];
    return Object.assign(read, { cachedStatements: () => statements.size });
  }
  const pool = driver.pool as MysqlPool | undefined;
  if (!pool || typeof pool.query !== 'function') throw new Error('The MySQL pool is not open');
  const read = (sql: string, params: readonly unknown[]) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      pool.query(sql, [...params], (error, rows) =>
        error ? reject(error) : resolve(rows as Record<string, unknown>[]),
      );
    });
  return Object.assign(read, { cachedStatements: () => 0 });
}
