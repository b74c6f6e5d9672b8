import { createOnDemandAsyncContext } from '../async/onDemandAsyncContext';
import type { DataSource, QueryRunner } from 'typeorm';
import { createAsyncMutex, type AsyncMutex } from './asyncMutex';

/** A transaction in progress: its connection, and the first error a nested call threw (which dooms it). */
export interface ActiveTransaction {
  runner: QueryRunner;
  finished: boolean;
  failure?: { error: unknown };
}

/**
 * What every Db over one DataSource shares: the in-process turn-taking for write transactions, and which transaction
 * the current async context is running (so work inside a transaction joins it instead of waiting for itself).
 */
export interface TransactionCoordinator {
  mutex: AsyncMutex;
  /** The unfinished transaction this async context runs in, if any. */
  active(): ActiveTransaction | undefined;
  run<T>(transaction: ActiveTransaction, work: () => Promise<T>): Promise<T>;
}

const coordinators = new WeakMap<DataSource, TransactionCoordinator>();

/** One coordinator per DataSource, so two Db objects over the same SQLite connection still take turns. */
export function transactionCoordinatorFor(dataSource: DataSource): TransactionCoordinator {
  let coordinator = coordinators.get(dataSource);
  if (!coordinator) {
    const context = createOnDemandAsyncContext<ActiveTransaction>();
    coordinator = {
      mutex: createAsyncMutex(),
      active() {
        const transaction = context.getStore();
        return transaction && !transaction.finished ? transaction : undefined;
      },
      run: (transaction, work) => context.run(transaction, work),
    };
    coordinators.set(dataSource, coordinator);
  }
  return coordinator;
}
