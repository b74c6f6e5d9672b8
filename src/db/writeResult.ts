import type { QueryResult } from 'typeorm';
import type { Dialect, WriteResult } from './types';

/**
 * Reads insertId/affectedRows from a structured TypeORM result. mysql2 returns a ResultSetHeader; better-sqlite3's
 * query runner returns `changes` as `affected` and `lastInsertRowid` as `raw`, which is the connection's last insert
 * even after an UPDATE, so it only counts as this statement's insertId for an INSERT/REPLACE that wrote a row.
 */
export function writeResultOf(dialect: Dialect, sql: string, result: QueryResult): WriteResult {
  const affectedRows = result.affected ?? 0;
  const raw: unknown = result.raw;
  if (dialect === 'mysql') {
    const insertId = isRecord(raw) && typeof raw.insertId === 'number' ? raw.insertId : 0;
    return { insertId, affectedRows };
  }
  const inserted = affectedRows > 0 && /^\s*(INSERT|REPLACE)\b/i.test(sql);
  return { insertId: inserted && (typeof raw === 'number' || typeof raw === 'bigint') ? Number(raw) : 0, affectedRows };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
