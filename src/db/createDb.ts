import type { DataSource, QueryResult, QueryRunner } from 'typeorm';
import { assertTablePrefix } from '../../entities/tablePrefix';
import { dialectOf } from './dialect';
import { mysqlLockName } from './mysqlLockName';
import { transactionCoordinatorFor, type ActiveTransaction } from './transactionCoordinator';
import type { Db, Dialect, WriteResult } from './types';
import { writeResultOf } from './writeResult';
import { createDirectReader, type CachingDirectReader, type DirectReader } from './directReader';
import { registerStatementCaches } from './statementCaches';
import { STATEMENT_CACHE_LIMIT } from './statementCacheLimit';
import { longReaderFor, type LongReader } from './longReader';
import { isDatabaseUnavailable } from './outage/databaseUnavailable';
import type { OutageTracker } from './outage/outageTracker';
import type { ReadRouter } from './replicas/readRouter';

export interface CreateDbOptions {
  /** How long a MySQL transaction waits for its named `lock` (GET_LOCK) before failing. Default 10 seconds. */
  lockTimeoutSeconds?: number;
  /** How long one SQLite read on a worker thread may run (see longReader.ts); 0, the default, = no limit. */
  queryTimeoutMs?: number;
  /** Told of every statement that fails because the database is unavailable, and of the successes after. */
  outage?: OutageTracker;
  /**
   * Read replicas (src/db/replicas/): asked where each read outside a transaction runs, and told of each write that
   * committed. Without it every statement runs on the DataSource's database.
   */
  readRouter?: ReadRouter;
}

/**
 * The Db (see ./types) over an initialized DataSource.
 *
 * Reads run right away, also while a transaction is open. Write transactions take turns within the process
 * (`transaction()`), and across processes: SQLite starts them with BEGIN IMMEDIATE (another process writing the
 * same file waits up to busy_timeout, blocking this event loop meanwhile), MySQL takes GET_LOCK(lock) when a lock
 * name is given.
 *
 * Consequences of SQLite's single connection: a read issued while a transaction is open sees that transaction's
 * uncommitted rows, and a write issued outside any transaction waits until the open transaction ends.
 * Statements issued through this Db from inside a transaction's `work` (the same async context) join that
 * transaction, on both databases, so helpers that were handed the outer Db neither deadlock nor escape the rollback.
 */
export function createDb(dataSource: DataSource, tablePrefix: string, options: CreateDbOptions = {}): Db {
  assertTablePrefix(tablePrefix);
  const dialect = dialectOf(dataSource);
  const coordinator = transactionCoordinatorFor(dataSource);
  const lockTimeoutSeconds = options.lockTimeoutSeconds ?? 10;
  const outage = options.outage;
  /** Passes `error` on, telling the outage tracker first when it means the database is unavailable. */
  const noted = (error: unknown): unknown => {
    if (outage && isDatabaseUnavailable(error)) outage.failed(error);
    return error;
  };
  const table = (baseName: string): string => {
    if (!/^[A-Za-z0-9_]+$/.test(baseName)) throw new Error(`Invalid table name "${baseName}"`);
    return quoteTable(dialect, tablePrefix + baseName);
  };
  // SQLite: TypeORM hands out one query runner for its one connection, so keep it instead of asking per statement.
  let sqliteRunner: QueryRunner | undefined;
  const sharedSqliteRunner = (): QueryRunner => (sqliteRunner ??= dataSource.createQueryRunner());
  let directReader: CachingDirectReader | undefined;
  const readOnPrimary: DirectReader = (sql, params) =>
    (directReader ??= createDirectReader(dataSource, dialect))(sql, params);
  const router = options.readRouter;
  const readDirectly: DirectReader = router ? (sql, params) => router.read(sql, params, readOnPrimary) : readOnPrimary;
  let longReader: LongReader | undefined;

  /** A Db whose statements run on the transaction's connection. */
  function transactionDb(active: ActiveTransaction): Db {
    const run = async (sql: string, params: readonly unknown[]) => {
      try {
        return await runInTransaction(active, sql, params);
      } catch (error) {
        throw noted(error);
      }
    };
    const tx: Db = {
      dialect,
      prefix: tablePrefix,
      dataSource,
      table,
      inTransaction: true,
      async query<T>(sql: string, params: readonly unknown[] = []) {
        return (await run(sql, params)).records as T[];
      },
      async queryLong<T>(sql: string, params: readonly unknown[] = []) {
        return (await run(sql, params)).records as T[];
      },
      async execute(sql: string, params: readonly unknown[] = []) {
        return writeResultOf(dialect, sql, await run(sql, params));
      },
      close: () => Promise.reject(new Error('Close the Db, not a transaction')),
      async transaction<T>(work: (nested: Db) => Promise<T>): Promise<T> {
        if (active.finished) throw new Error('This transaction has already finished; start a new one on the Db');
        try {
          return await work(tx);
        } catch (error) {
          // No savepoints: a failure inside a nested call dooms the whole transaction, even if the caller catches it.
          active.failure ??= { error };
          throw error;
        }
      },
    };
    return tx;
  }

  /** Runs a statement outside any transaction (or inside the one this async context is running). */
  async function runOutside(sql: string, params: readonly unknown[], isWrite: boolean): Promise<QueryResult> {
    const active = coordinator.active();
    if (active) return runInTransaction(active, sql, params);
    if (dialect === 'sqlite') {
      const runner = sharedSqliteRunner();
      // A write must not land inside another caller's open transaction on the shared connection: wait for it.
      return isWrite
        ? coordinator.mutex.runExclusive(() => runner.query(sql, [...params], true))
        : runner.query(sql, [...params], true);
    }
    const runner = dataSource.createQueryRunner();
    try {
      return await runner.query(sql, [...params], true);
    } finally {
      await runner.release();
    }
  }

  async function runTransaction<T>(work: (tx: Db) => Promise<T>, lock: string | undefined): Promise<T> {
    const runner = dialect === 'sqlite' ? sharedSqliteRunner() : dataSource.createQueryRunner();
    try {
      if (lock !== undefined && dialect === 'mysql') await acquireNamedLock(runner, lockName(lock));
      try {
        await runner.query(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'START TRANSACTION');
        const active: ActiveTransaction = { runner, finished: false };
        try {
          const result = await coordinator.run(active, () => transactionDb(active).transaction(work));
          if (active.failure) throw active.failure.error;
          await runner.query('COMMIT');
          return result;
        } catch (error) {
          await rollback(runner, error);
          throw error;
        } finally {
          active.finished = true;
        }
      } finally {
        if (lock !== undefined && dialect === 'mysql') await runner.query('SELECT RELEASE_LOCK(?)', [lockName(lock)]);
      }
    } finally {
      if (dialect === 'mysql') await runner.release();
    }
  }

  function lockName(lock: string): string {
    return mysqlLockName(String(dataSource.driver.database), tablePrefix, lock);
  }

  async function acquireNamedLock(runner: QueryRunner, name: string): Promise<void> {
    const rows: unknown = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [name, lockTimeoutSeconds]);
    const acquired = Array.isArray(rows) && isRecord(rows[0]) ? rows[0].acquired : undefined;
    if (Number(acquired) === 1) return;
    throw new Error(
      acquired === 0 || acquired === '0'
        ? `Timed out after ${lockTimeoutSeconds}s waiting for the database lock "${name}"`
        : `Could not take the database lock "${name}"`,
    );
  }

  const db: Db = {
    dialect,
    prefix: tablePrefix,
    dataSource,
    table,
    /** True while this async context runs a transaction's work, since statements then join that transaction. */
    get inTransaction() {
      return coordinator.active() !== undefined;
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        const rows = coordinator.active()
          ? (await runOutside(sql, params, false)).records
          : await readDirectly(sql, params);
        outage?.succeeded();
        return rows as T[];
      } catch (error) {
        throw noted(error);
      }
    },
    async queryLong<T>(sql: string, params: readonly unknown[] = []) {
      try {
        if (coordinator.active()) return (await runOutside(sql, params, false)).records as T[];
        longReader ??= longReaderFor(dataSource, dialect, readDirectly, options.queryTimeoutMs);
        const rows = await longReader.query(sql, params);
        outage?.succeeded();
        return rows as T[];
      } catch (error) {
        throw noted(error);
      }
    },
    async execute(sql: string, params: readonly unknown[] = []): Promise<WriteResult> {
      try {
        const result = writeResultOf(dialect, sql, await runOutside(sql, params, true));
        // Inside a transaction the write is not committed yet: the transaction reports it when it is.
        if (router && !coordinator.active()) await router.wrote();
        outage?.succeeded();
        return result;
      } catch (error) {
        throw noted(error);
      }
    },
    async close() {
      await longReader?.close();
      longReader = undefined;
    },
    transaction<T>(work: (tx: Db) => Promise<T>, transactionOptions: { lock?: string } = {}): Promise<T> {
      const active = coordinator.active();
      if (active) return transactionDb(active).transaction(work);
      const committed = coordinator.mutex.runExclusive(async () => {
        try {
          const result = await runTransaction(work, transactionOptions.lock);
          outage?.succeeded();
          return result;
        } catch (error) {
          throw noted(error);
        }
      });
      if (!router) return committed;
      // After the turn is handed on: the next transaction need not wait for this bookkeeping.
      return committed.then(async (result) => {
        try {
          await router.wrote();
        } catch (error) {
          throw noted(error);
        }
        return result;
      });
    },
  };
  registerStatementCaches(db, () => ({
    limit: STATEMENT_CACHE_LIMIT,
    main: directReader?.cachedStatements() ?? 0,
    workers: longReader?.cachedStatements() ?? [],
  }));
  return db;
}

async function runInTransaction(
  active: ActiveTransaction,
  sql: string,
  params: readonly unknown[],
): Promise<QueryResult> {
  if (active.finished) throw new Error('This transaction has already finished; run statements on the Db instead');
  return active.runner.query(sql, [...params], true);
}

/** Rolls back after `cause`; if the rollback fails too, both errors are reported. */
async function rollback(runner: QueryRunner, cause: unknown): Promise<void> {
  try {
    await runner.query('ROLLBACK');
  } catch (rollbackError) {
    throw new AggregateError([cause, rollbackError], 'The transaction failed and could not be rolled back', {
      cause: rollbackError,
    });
  }
}

function quoteTable(dialect: Dialect, name: string): string {
  return dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
