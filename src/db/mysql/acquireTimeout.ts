import type { Pool, PoolConnection } from 'mysql2';

/** The code of the error a caller gets when no pooled connection came free in time. */
export const ACQUIRE_TIMEOUT = 'WC_HOST_DB_ACQUIRE_TIMEOUT';

type GetConnectionCallback = (error: NodeJS.ErrnoException | null, connection: PoolConnection) => void;

/**
 * Bounds how long `pool.getConnection` (which pool.query and TypeORM's query runners use) waits: mysql2's pool has no
 * acquire timeout and would queue a caller for as long as the database stalls. A connection that comes free after
 * its caller gave up goes straight back to the pool. A PoolCluster namespace (read replicas) is bounded the same way.
 */
export function limitAcquireWait(pool: Pick<Pool, 'getConnection'>, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: GetConnectionCallback): void => {
    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      const error: NodeJS.ErrnoException = new Error(`No database connection came free within ${timeoutMs} ms`);
      error.code = ACQUIRE_TIMEOUT;
      callback(error, undefined as unknown as PoolConnection);
    }, timeoutMs);
    getConnection((error, connection) => {
      if (answered) {
        if (!error) connection.release();
        return;
      }
      answered = true;
      clearTimeout(timer);
      callback(error, connection);
    });
  };
}
