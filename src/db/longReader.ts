import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DirectReader } from './directReader';
import { canUseReadPool, createSqliteReadPool } from './sqlite/readPool';
import type { Dialect } from './types';
import { sqliteBusyTimeoutMs } from './sqlite/busyTimeout';

export interface LongReader {
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** Prepared statements each worker thread holds (as of its last answer); none off SQLite files. */
  cachedStatements(): number[];
}

/**
 * Where long reads run: on SQLite files, worker threads with their own connections and wc-host's SQL functions, one
 * per core (at most 4): an export walk reads the pages it prefetches side by side, and lists beside it keep the event
 * loop free; a read past `queryTimeoutMs` (0 = none) fails with READ_POOL_TIMEOUT; everywhere else, the usual reader (MySQL reads never block the event loop).
 */
export function longReaderFor(
  dataSource: DataSource,
  dialect: Dialect,
  readDirectly: DirectReader,
  queryTimeoutMs = 0,
): LongReader {
  const file = String(dataSource.options.database ?? '');
  if (dialect !== 'sqlite' || !canUseReadPool(file))
    return { query: readDirectly, close: async () => undefined, cachedStatements: () => [] };
  const pool = createSqliteReadPool({
    file: path.resolve(file),
    size: Math.min(4, Math.max(1, os.availableParallelism())),
    // A read past its deadline ends its worker; busy waits are kept as short as the main connection's.
    queryTimeoutMs,
    busyTimeoutMs: sqliteBusyTimeoutMs(queryTimeoutMs),
    // The functions module next to this one: .ts under ts-jest, .js in dist/.
    functionsModule: path.join(__dirname, 'sqlite', `sqliteFunctions${path.extname(__filename)}`),
  });
  return {
    query: (sql, params) => pool.query(sql, params),
    close: () => pool.close(),
    cachedStatements: () => pool.stats().workers.map((worker) => worker.cachedStatements),
  };
}
