import Database from 'better-sqlite3';
import { createPool } from 'mysql2/promise';

/** The least a server needs from a driver: run a statement, read rows or the insert id. No ORM, no host. */
export interface BaselineDriver {
  dialect: 'sqlite' | 'mysql';
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export function openBaselineDriver(url: string): BaselineDriver {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    let queue: Promise<unknown> = Promise.resolve();
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
      run: async (sql, params = []) => Number(prepare(sql).run(...params).lastInsertRowid),
      // One connection: write transactions wait for each other.
      transaction: <T>(work: () => Promise<T>) => {
        const next = queue.then(async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const result = await work();
            db.exec('COMMIT');
            return result;
          } catch (error) {
            db.exec('ROLLBACK');
            throw error;
          }
        });
        queue = next.catch(() => undefined);
        return next;
      },
    };
  }
  const pool = createPool({ uri: url, connectionLimit: 10, dateStrings: true, charset: 'utf8mb4', supportBigNumbers: true });
  return {
    dialect: 'mysql',
    all: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params))[0] as T[],
    run: async (sql, params = []) => Number(((await pool.query(sql, params))[0] as { insertId: number }).insertId),
    // The baseline's batch runs each create in its own statements; MySQL autocommits them (no cross-request lock).
    transaction: (work) => work(),
  };
}
