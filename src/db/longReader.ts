import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DirectReader } from './directReader';
import { canUseReadPool, createSqliteReadPool } from './sqlite/readPool';
import type { Dialect } from './types';

export interface LongReader {
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * Where long reads run: on SQLite files, one worker thread with its own connection and wc-host's SQL functions
 * (the machine this targets has two cores: one serves requests, one runs long reads); everywhere else, the usual
 * reader (MySQL reads never block the event loop).
 */
export function longReaderFor(dataSource: DataSource, dialect: Dialect, readDirectly: DirectReader): LongReader {
  const file = String(dataSource.options.database ?? '');
  if (dialect !== 'sqlite' || !canUseReadPool(file)) return { query: readDirectly, close: async () => undefined };
  const pool = createSqliteReadPool({
    file: path.resolve(file),
    // The functions module next to this one: .ts under ts-jest, .js in dist/.
    functionsModule: path.join(__dirname, 'sqlite', `sqliteFunctions${path.extname(__filename)}`),
  });
  return { query: (sql, params) => pool.query(sql, params), close: () => pool.close() };
}
