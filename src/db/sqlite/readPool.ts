import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { QueryJobMessage, ReadPoolWorkerData, WorkerMessage } from './readPoolProtocol';
import { errorFromWorker, rowsFromWorker } from './readPoolRevive';
import { readPoolWorkerSource } from './readPoolWorkerSource';
import { createReadWorker } from './readWorkerHeap';
import { STATEMENT_CACHE_LIMIT } from '../statementCacheLimit';

/** What a `functionsModule` exports as `registerSqliteFunctions`: adds the custom SQL functions to a connection. */
export type RegisterSqliteFunctions = (db: Database) => void;

export interface SqliteReadPoolOptions {
  /** The SQLite file (WAL mode, so these readers see every write the main connection commits). */
  file: string;
  /** Worker threads, each with its own read-only connection. Default 1. */
  size?: number;
  /** Absolute path of a module exporting `registerSqliteFunctions` (a `.ts` file is loaded through ts-node). */
  functionsModule?: string;
  /** SQLite busy_timeout of each worker connection, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * How long one query may run, in ms; 0 (the default) = no limit. better-sqlite3 cannot interrupt a statement, so a
   * query past it fails with READ_POOL_TIMEOUT and its worker is ended and replaced: the statement stops with it.
   */
  queryTimeoutMs?: number;
}

export interface SqliteReadPoolStats {
  /** Queries waiting for an idle worker. */
  queued: number;
  /** Queries running now. */
  busy: number;
  statementCacheLimit: number;
  /** Per live worker, as of its last answer. */
  workers: Array<{ cachedStatements: number; statementsPrepared: number; queriesRun: number }>;
}

export interface SqliteReadPool {
  /** Runs a read on a worker's connection: numbers, strings, null, bigint and Buffer/Uint8Array (booleans → 0/1). */
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Waits for running queries, rejects queued ones, ends the workers. */
  close(): Promise<void>;
  readonly size: number;
  stats(): SqliteReadPoolStats;
}

/** Error codes of the pool's own failures (SQLite's keep their SQLITE_* codes). */
export const READ_POOL_CLOSED = 'ERR_SQLITE_READ_POOL_CLOSED';
export const READ_POOL_WORKER_EXITED = 'ERR_SQLITE_READ_POOL_WORKER_EXITED';
export const READ_POOL_TIMEOUT = 'ERR_SQLITE_READ_POOL_TIMEOUT';

/** An in-memory database lives in one connection only, so its reads must stay on the main thread. */
export function canUseReadPool(file: string): boolean {
  const name = file.trim();
  if (name === '' || name === ':memory:') return false;
  return !(/^file:/i.test(name) && /(^file::memory:|[?&]mode=memory(&|$))/i.test(name));
}

interface Job {
  id: number;
  sql: string;
  params: unknown[];
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** Ends the running job when it passes queryTimeoutMs. */
  deadline: NodeJS.Timeout | undefined;
  /** Opened its connection: if it dies later it is replaced at once; if it died opening, only when work comes. */
  ready: boolean;
  /** Why it could not open (posted just before it ended). */
  fatal: Error | undefined;
  /** An uncaught error that ended it. */
  crash: Error | undefined;
  cachedStatements: number;
  statementsPrepared: number;
  queriesRun: number;
}

/**
 * Long reads off the main thread: better-sqlite3 is synchronous, so a slow SELECT on the main connection stalls
 * every request. Each worker has its own read-only connection; jobs go to an idle worker, else wait in FIFO order.
 * Writes and short reads belong on the main connection; :memory: databases cannot use this (see canUseReadPool).
 *
 * A worker that dies fails its running query and is replaced. A worker that could not even open the database fails
 * the query it was given and is respawned only for the next query, so a missing file costs one attempt per query
 * instead of a respawn loop.
 */
export function createSqliteReadPool(options: SqliteReadPoolOptions): SqliteReadPool {
  const size = options.size ?? 1;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const queryTimeoutMs = options.queryTimeoutMs ?? 0;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Read pool size must be a positive integer, got ${size}`);
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  if (!Number.isInteger(queryTimeoutMs) || queryTimeoutMs < 0) {
    throw new RangeError(`queryTimeoutMs must be a non-negative integer, got ${queryTimeoutMs}`);
  }
  if (!canUseReadPool(options.file)) throw new Error(`An in-memory SQLite database cannot be read from other threads`);
  const workerData = workerDataFor(options.file, options.functionsModule, busyTimeoutMs);

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closing: Promise<void> | undefined;
  let whenIdle: (() => void) | undefined;

  function spawn(): Slot {
    const worker = createReadWorker(
      (resourceLimits) => new Worker(readPoolWorkerSource, { eval: true, workerData, resourceLimits }),
    );
    const slot: Slot = {
      worker,
      job: undefined,
      deadline: undefined,
      ready: false,
      fatal: undefined,
      crash: undefined,
      cachedStatements: 0,
      statementsPrepared: 0,
      queriesRun: 0,
    };
    worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    worker.on('error', (error: Error) => (slot.crash ??= error));
    worker.on('exit', (code: number) => onExit(slot, code));
    slots.push(slot);
    return slot;
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      if (slot.job) startDeadline(slot);
      return;
    }
    if (message.type === 'fatal') {
      slot.fatal = errorFromWorker(message.error);
      return;
    }
    const job = slot.job;
    slot.job = undefined;
    clearTimeout(slot.deadline);
    slot.cachedStatements = message.cachedStatements;
    slot.statementsPrepared = message.statementsPrepared;
    slot.queriesRun += 1;
    if (job && job.id === message.id) {
      if (message.ok) job.resolve(rowsFromWorker(message.rows));
      else job.reject(errorFromWorker(message.error));
    }
    settled();
  }

  function onExit(slot: Slot, code: number): void {
    const at = slots.indexOf(slot);
    // Already retired by timeOut(), which replaced it.
    if (at < 0) return;
    slots.splice(at, 1);
    const job = slot.job;
    slot.job = undefined;
    clearTimeout(slot.deadline);
    if (job) {
      job.reject(
        slot.fatal ??
          slot.crash ??
          Object.assign(new Error(`The SQLite read worker exited (code ${code}) while running this query`), {
            code: READ_POOL_WORKER_EXITED,
          }),
      );
    }
    if (!closing && slot.ready) spawn();
    settled();
  }

  /** Times the slot's job from when its worker can run it: opening the connection (and loading ts-node) does not count. */
  function startDeadline(slot: Slot): void {
    if (queryTimeoutMs > 0) slot.deadline = setTimeout(() => timeOut(slot), queryTimeoutMs);
  }

  /**
   * A query ran past queryTimeoutMs: fail it and replace its worker at once. The old worker is told to end; its thread
   * stops when the running statement returns (better-sqlite3 12 cannot interrupt a statement mid-step).
   */
  function timeOut(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    job.reject(
      Object.assign(new Error(`The SQLite read took longer than ${queryTimeoutMs} ms and was stopped`), {
        code: READ_POOL_TIMEOUT,
      }),
    );
    if (!closing && slot.ready) spawn();
    settled();
  }

  /** After a job ended: start the next one, or let close() go on once nothing runs. */
  function settled(): void {
    if (!closing) pump();
    else if (whenIdle && slots.every((slot) => slot.job === undefined)) whenIdle();
  }

  function pump(): void {
    while (queue.length > 0) {
      let slot = slots.find((candidate) => candidate.job === undefined);
      if (!slot) {
        if (slots.length >= size) return;
        slot = spawn();
      }
      const job = queue.shift() as Job;
      slot.job = job;
      const message: QueryJobMessage = { id: job.id, sql: job.sql, params: job.params };
      try {
        slot.worker.postMessage(message);
        if (slot.ready) startDeadline(slot);
      } catch (error) {
        // Parameters that cannot be cloned (functions, symbols): this query fails, the worker stays idle.
        slot.job = undefined;
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  for (let i = 0; i < size; i += 1) spawn();

  return {
    size,
    query(sql, params) {
      if (closing) return Promise.reject(closedError('The SQLite read pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, sql, params: params.map(bindableParam), resolve, reject });
        pump();
      });
    },
    close() {
      closing ??= (async () => {
        for (const job of queue.splice(0))
          job.reject(closedError('The SQLite read pool was closed before this query ran'));
        if (slots.some((slot) => slot.job !== undefined)) {
          await new Promise<void>((resolve) => (whenIdle = resolve));
        }
        await Promise.all(slots.map((slot) => slot.worker.terminate()));
      })();
      return closing;
    },
    stats() {
      return {
        queued: queue.length,
        busy: slots.filter((slot) => slot.job !== undefined).length,
        statementCacheLimit: STATEMENT_CACHE_LIMIT,
        workers: slots.map(({ cachedStatements, statementsPrepared, queriesRun }) => ({
          cachedStatements,
          statementsPrepared,
          queriesRun,
        })),
      };
    },
  };
}

function workerDataFor(file: string, functionsModule: string | undefined, busyTimeoutMs: number): ReadPoolWorkerData {
  const data: ReadPoolWorkerData = {
    file: path.resolve(file),
    busyTimeoutMs,
    statementCacheLimit: STATEMENT_CACHE_LIMIT,
    driverPath: require.resolve('better-sqlite3'),
  };
  if (functionsModule === undefined) return data;
  if (!path.isAbsolute(functionsModule))
    throw new Error(`functionsModule must be an absolute path: ${functionsModule}`);
  data.functionsModule = functionsModule;
  if (/\.c?ts$/.test(functionsModule) && !functionsModule.endsWith('.d.ts')) data.tsNodePath = resolveTsNode();
  return data;
}

function resolveTsNode(): string {
  try {
    return require.resolve('ts-node');
  } catch {
    throw new Error(
      'A TypeScript functionsModule needs ts-node (a devDependency); point at the compiled .js file instead',
    );
  }
}

/** A parameter as the worker should receive it. */
function bindableParam(param: unknown): unknown {
  // better-sqlite3 cannot bind booleans (as in directReader.ts).
  if (typeof param === 'boolean') return Number(param);
  // postMessage copies a view's whole ArrayBuffer: a small Buffer sliced from Node's 8 KiB pool would send it all.
  if (param instanceof Uint8Array && param.byteLength !== param.buffer.byteLength) return new Uint8Array(param);
  return param;
}

function closedError(message: string): Error {
  return Object.assign(new Error(message), { code: READ_POOL_CLOSED });
}
