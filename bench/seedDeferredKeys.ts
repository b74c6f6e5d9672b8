import type Database from 'better-sqlite3';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** A table's secondary keys, dropped before a bulk load and rebuilt, exactly as they were defined, after it. */
export interface DeferredKeys {
  drop(): Promise<void>;
  restore(): Promise<void>;
}

/**
 * MariaDB/MySQL: the KEY lines of SHOW CREATE TABLE (the primary key stays: rows arrive in its order). They come
 * back in one ALTER TABLE, which reads the table once and builds each key by sorting.
 */
export async function deferredKeys(connection: Connection, table: string): Promise<DeferredKeys> {
  const [[created]] = await connection.query<RowDataPacket[]>(`SHOW CREATE TABLE ${table}`);
  const keys = String(created['Create Table'])
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .filter((line) => /^(UNIQUE |FULLTEXT |SPATIAL )?KEY `/.test(line));
  const names = keys.map((line) => /KEY (`[^`]+`)/.exec(line)?.[1] ?? '');
  return {
    drop: async () => {
      if (keys.length > 0)
        await connection.query(`ALTER TABLE ${table} ${names.map((name) => `DROP KEY ${name}`).join(', ')}`);
    },
    restore: async () => {
      if (keys.length > 0) await connection.query(`ALTER TABLE ${table} ${keys.map((key) => `ADD ${key}`).join(', ')}`);
    },
  };
}

/** SQLite: the CREATE INDEX statements in sqlite_master (automatic indexes have no SQL and stay). */
export function deferredSqliteIndexes(db: Database.Database, table: string): DeferredKeys {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as Array<{ name: string; sql: string }>;
  return {
    drop: async () => indexes.forEach(({ name }) => db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`)),
    restore: async () => indexes.forEach(({ sql }) => db.exec(sql)),
  };
}
