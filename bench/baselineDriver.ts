import Database from 'better-sqlite3';
import { createPool, type PoolConnection } from 'mysql2/promise';

/** Run a statement, read rows or the affected rows: the least a server (or the bench) needs. No ORM, no host. */
export interface Queryable {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface BaselineDriver extends Queryable {
  dialect: 'sqlite' | 'mysql';
  /** Runs `work` on one connection (MySQL's FOUND_ROWS() reads the same connection's previous SELECT). */
  session<T>(work: (connection: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface BaselineDriverOptions {
  /**
   * MariaDB: each SELECT is cut off after this many seconds (`SET STATEMENT max_statement_time`), so a request the
   * bench gave up on does not keep the server busy for the next measurement. SQLite cannot interrupt a statement.
   */
  statementTimeoutSeconds?: number;
}

export function openBaselineDriver(url: string, options: BaselineDriverOptions = {}): BaselineDriver {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    const sqlite: Queryable = {
      all: async <T>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
      run: async (sql, params = []) => prepare(sql).run(...params).changes,
    };
    return { dialect: 'sqlite', ...sqlite, session: (work) => work(sqlite), close: async () => void db.close() };
  }
  const pool = createPool({
    uri: url,
    connectionLimit: 10,
    dateStrings: true,
    charset: 'utf8mb4',
    supportBigNumbers: true,
  });
  const limit = options.statementTimeoutSeconds;
  // MariaDB bounds a statement with SET STATEMENT, MySQL 8 with an optimizer hint (in milliseconds).
  const mariadb = limit
    ? pool
        .query('SELECT VERSION() AS version')
        .then(([rows]) => /mariadb/i.test(String((rows as Array<{ version: string }>)[0].version)))
    : null;
  const bounded = async (sql: string) => {
    if (!limit || !mariadb || !/^\s*SELECT/i.test(sql)) return sql;
    return (await mariadb)
      ? `SET STATEMENT max_statement_time = ${limit} FOR ${sql}`
      : sql.replace(/^\s*SELECT/i, `SELECT /*+ MAX_EXECUTION_TIME(${limit * 1000}) */`);
  };
  const on = (target: Pick<PoolConnection, 'query'> | typeof pool): Queryable => ({
    all: async <T>(sql: string, params: unknown[] = []) => (await target.query(await bounded(sql), params))[0] as T[],
    run: async (sql, params = []) =>
      Number(((await target.query(sql, params))[0] as { affectedRows: number }).affectedRows),
  });
  return {
    dialect: 'mysql',
    ...on(pool),
    session: async (work) => {
      const connection = await pool.getConnection();
      try {
        return await work(on(connection));
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
