import type { DataSource } from 'typeorm';
import type { Dialect } from './types';

/** Runs a read on the driver's own connection (pool), returning its rows. */
export type DirectReader = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

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
 * what a read sees is unchanged. Prepared SQLite statements are kept per SQL text.
 */
export function createDirectReader(dataSource: DataSource, dialect: Dialect): DirectReader {
  const driver = dataSource.driver as unknown as { databaseConnection?: unknown; pool?: unknown };
  if (dialect === 'sqlite') {
    const connection = driver.databaseConnection as SqliteConnection | undefined;
    if (!connection || typeof connection.prepare !== 'function') throw new Error('The SQLite connection is not open');
    const statements = new Map<string, SqliteStatement>();
    return async (sql, params) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
      // better-sqlite3 cannot bind booleans.
      return statement.all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p))) as Record<string, unknown>[];
    };
  }
  const pool = driver.pool as MysqlPool | undefined;
  if (!pool || typeof pool.query !== 'function') throw new Error('The MySQL pool is not open');
  return (sql, params) =>
    new Promise((resolve, reject) => {
      pool.query(sql, [...params], (error, rows) => (error ? reject(error) : resolve(rows as Record<string, unknown>[])));
    });
}
