import Database from 'better-sqlite3';
import type { SeedWriter, SqlValue, TableLoad, TableTiming } from './seedWriter';
import { deferredSqliteIndexes } from './seedDeferredKeys';

/** SQLite's default limit on bound parameters is 32,766. */
const MAX_PARAMS = 32_000;
const ROWS_PER_STATEMENT = 200;
const ROWS_PER_TRANSACTION = 500_000;

/**
 * SQLite: better-sqlite3 on the bench's own file, multi-row prepared INSERTs in transactions of 500,000 rows. The
 * file is a throwaway, so while seeding it has no journal and no fsync; WAL (what wc-host uses) is back on at close.
 */
export function openSqliteSeedWriter(file: string, prefix: string): SeedWriter {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  return {
    method: 'multi-row prepared INSERT',
    async load(load: TableLoad, progress: (rowsDone: number) => void): Promise<TableTiming> {
      const table = `${prefix}${load.table}`;
      const indexes = deferredSqliteIndexes(db, table);
      const started = Date.now();
      await indexes.drop();
      const perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / load.columns.length)));
      const statements = new Map<number, Database.Statement>();
      const insert = (rows: number) => {
        let statement = statements.get(rows);
        if (!statement) {
          const row = `(${load.columns.map(() => '?').join(', ')})`;
          statement = db.prepare(
            `INSERT INTO "${table}" (${load.columns.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`,
          );
          statements.set(rows, statement);
        }
        return statement;
      };
      let done = 0;
      let params: SqlValue[] = [];
      let pending = 0;
      db.exec('BEGIN');
      try {
        for (const row of load.rows()) {
          for (const value of row) params.push(value);
          if (++pending === perStatement) {
            insert(pending).run(params);
            done += pending;
            params = [];
            pending = 0;
            if (done % ROWS_PER_TRANSACTION < perStatement) {
              db.exec('COMMIT; BEGIN');
              progress(done);
            }
          }
        }
        if (pending > 0) insert(pending).run(params);
        done += pending;
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      progress(done);
      const loaded = Date.now();
      await indexes.restore();
      return {
        table: load.table,
        rows: done,
        loadSeconds: (loaded - started) / 1000,
        keySeconds: (Date.now() - loaded) / 1000,
      };
    },
    async close() {
      db.pragma('journal_mode = WAL');
      db.close();
    },
  };
}
