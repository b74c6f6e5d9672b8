import * as mysql2 from 'mysql2';
import { limitAcquireWait } from './acquireTimeout';
import { CLIENT_GRACE_MS, limitQueryTime } from './queryTimeout';
import { sessionSettingsStatement } from './sessionSettings';
import { STATEMENT_CACHE_LIMIT } from '../statementCacheLimit';

export interface MysqlDriverLimits {
  /** How long a caller waits for a pooled connection; 0 = as long as it takes. */
  acquireTimeoutMs: number;
  /** How long one statement may run, on the server and (a little longer) on the client; 0 = no limit. */
  statementTimeoutMs: number;
}

/** mysql2's server handshake, which it keeps but does not type. */
interface WithHandshake {
  _handshakePacket?: { serverVersion?: string };
}

/**
 * The mysql2 module, except that every pooled connection gets WordPress's sql_mode and the statement limit before its
 * first query, statements get a client-side deadline, waiting for a connection is bounded, and so is mysql2's
 * prepared-statement cache. Passed to TypeORM as
 * its `driver`, so the connection TypeORM opens while initializing is covered too.
 */
export function mysql2Driver(limits: MysqlDriverLimits): Omit<typeof mysql2, 'createPool'> & {
  createPool(config: mysql2.PoolOptions): ReturnType<typeof mysql2.createPool>;
} {
  return {
    ...mysql2,
    createPool(config) {
      // wc-host reads and writes with the text protocol (`query`), which prepares nothing; should a plugin use
      // `execute`, its statements are kept per connection up to the same bound as SQLite's (mysql2's default: 16,000).
      const pool = mysql2.createPool({ maxPreparedStatements: STATEMENT_CACHE_LIMIT, ...config });
      limitAcquireWait(pool, limits.acquireTimeoutMs);
      pool.on('connection', (connection) => prepareConnection(connection, limits.statementTimeoutMs));
      return pool;
    },
  };
}

/**
 * Readies a new connection before its first query: the client-side statement deadline, and WordPress's sql_mode with
 * the server-side limit, queued ahead of the first query of whoever asked for the connection.
 */
export function prepareConnection(connection: mysql2.Connection, statementTimeoutMs: number): void {
  if (statementTimeoutMs > 0) limitQueryTime(connection, statementTimeoutMs + CLIENT_GRACE_MS);
  const serverVersion = (connection as unknown as WithHandshake)._handshakePacket?.serverVersion ?? '';
  const settings = sessionSettingsStatement(serverVersion, statementTimeoutMs);
  // Queued ahead of the first query, so it must be a single statement.
  connection.query(settings.sql, settings.values, (error) => {
    // A connection left in strict mode (or without its limit) would fail later; don't hand it out.
    if (error) connection.destroy();
  });
}
