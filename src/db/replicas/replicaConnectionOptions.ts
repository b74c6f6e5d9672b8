import type { PoolOptions } from 'mysql2';
import { parseDatabaseUrl } from '../../config/databaseUrl';
import { serverAddress } from '../mysql/serverAddress';
import { MYSQL_CONNECTION_OPTIONS, MYSQL_POOL_SIZE } from '../mysql/connectionOptions';

/**
 * A replica's mysql2 pool options: the primary's (src/db/mysql/connectionOptions.ts, plus `stringifyObjects`, which
 * TypeORM sets on the primary's pool), so a row reads the same from either; the server from the replica's URL.
 */
export function replicaConnectionOptions(url: string, connectTimeoutMs: number): PoolOptions {
  const config = parseDatabaseUrl(url);
  if (config.dialect !== 'mysql') throw new Error('A read replica must be a MySQL/MariaDB server');
  return {
    ...MYSQL_CONNECTION_OPTIONS,
    stringifyObjects: true,
    ...serverAddress(config),
    user: config.user,
    password: config.password,
    database: config.database,
    connectionLimit: MYSQL_POOL_SIZE,
    ...(connectTimeoutMs > 0 ? { connectTimeout: connectTimeoutMs } : {}),
  };
}
