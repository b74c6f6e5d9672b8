import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage that is enabled only while at least one `run` is unfinished.
 *
 * Why: on Node 20 an enabled AsyncLocalStorage keeps a promise hook installed for the whole process, and every
 * promise any request creates then pays for it — 10–15 % of a single-customer GET's CPU (MariaDB / SQLite), on
 * requests that never read the store. A plain AsyncLocalStorage stays enabled from its first `run` on; this one
 * disables itself when its last run settles, so only the moments something actually runs in a context pay.
 *
 * What that costs: async work started inside a run but not awaited by it, and still going after every run has
 * settled, no longer sees the store (it reads `undefined`, as code outside any run does).
 */
export interface OnDemandAsyncContext<T> {
  /** The store of the innermost unfinished run this async context is part of, if any. */
  getStore(): T | undefined;
  /** Runs `work` with `store` as the context; the context ends when the promise `work` returns settles. */
  run<R>(store: T, work: () => Promise<R>): Promise<R>;
  /** Runs synchronous `work` with `store` as the context, which ends when `work` returns. */
  runSync<R>(store: T, work: () => R): R;
}

export function createOnDemandAsyncContext<T>(): OnDemandAsyncContext<T> {
  const storage = new AsyncLocalStorage<T>();
  let unfinished = 0;
  const finishOne = (): void => {
    unfinished -= 1;
    if (unfinished === 0) storage.disable();
  };
  return {
    getStore: () => (unfinished > 0 ? storage.getStore() : undefined),
    run<R>(store: T, work: () => Promise<R>): Promise<R> {
      unfinished += 1;
      let settled: Promise<R>;
      try {
        settled = Promise.resolve(storage.run(store, work));
      } catch (error) {
        settled = Promise.reject(error);
      }
      // Node defers removing the promise hook to a microtask, so disabling from a promise reaction is safe.
      return settled.finally(finishOne);
    },
    runSync<R>(store: T, work: () => R): R {
      unfinished += 1;
      try {
        return storage.run(store, work);
      } finally {
        finishOne();
      }
    },
  };
}
