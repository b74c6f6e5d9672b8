/**
 * The messages between the read pool (main thread) and its workers. Both sides are ours, so the main thread trusts
 * their shape; the worker side is plain JavaScript in readPoolWorkerSource.ts and must keep to these types by hand.
 */

/** What every worker gets as `workerData`. Paths are absolute, resolved on the main thread (see readPool.ts). */
export interface ReadPoolWorkerData {
  file: string;
  busyTimeoutMs: number;
  statementCacheLimit: number;
  /** better-sqlite3's entry file: an eval'd worker would otherwise resolve packages from the process's cwd. */
  driverPath: string;
  functionsModule?: string;
  /** Set when `functionsModule` is TypeScript (tests): the worker registers ts-node before loading it. */
  tsNodePath?: string;
}

/** Main → worker: one query; a worker gets the next only after answering. */
export interface QueryJobMessage {
  id: number;
  sql: string;
  params: unknown[];
}

/** An Error flattened for postMessage (structured clone keeps neither class nor `code` reliably). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

/** Counters each result carries, so the pool's stats need no extra round trip. */
export interface WorkerCounters {
  cachedStatements: number;
  statementsPrepared: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; error: SerializedError }
  | ({ type: 'result'; id: number; ok: true; rows: Record<string, unknown>[] } & WorkerCounters)
  | ({ type: 'result'; id: number; ok: false; error: SerializedError } & WorkerCounters);
