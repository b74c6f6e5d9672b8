import type { Pool, PoolOptions } from 'mysql2';
import { mysql2Driver } from '../mysql/driver';

export interface ReplicaPoolLimits {
  /** How long a read waits for a pooled connection (WC_HOST_DB_ACQUIRE_TIMEOUT_MS); 0 = as long as it takes. */
  acquireTimeoutMs: number;
  /** One statement's limit (WC_HOST_DB_QUERY_TIMEOUT_MS), on the server and the client, as on the primary. */
  statementTimeoutMs: number;
}

/** The replicas' connection pools: one per replica in service. */
export interface ReplicaPools {
  /** Puts replica `id` (back) into service with a fresh pool; nothing if it is in service. */
  add(id: string): void;
  /** Takes it out: its pool ends (reads already running on it finish or fail; the router re-reads a failure on the primary). */
  remove(id: string): void;
  /** Runs a read on replica `id`; fails at once (POOL_NOEXIST) if it is out of service. */
  query(id: string, sql: string, values: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Ends every pool, those of replicas taken out earlier included, so no socket is left open. */
  end(): Promise<void>;
}

/**
 * A mysql2 pool per replica in service, made like the primary's (src/db/mysql/driver.ts: WordPress's sql_mode and the
 * statement limit on each new connection, a bounded wait for a connection). Which replica a request reads from is
 * chosen once per request (readRouter.ts), so its reads and its read-your-writes wait hit the same server.
 *
 * Not mysql2's PoolCluster: its `remove` ends the node's pool without a callback, and mysql2's Pool#end then throws
 * the first error met while closing — a replica that went down, or a connection to it still being made — as an
 * uncaught exception (node_modules/mysql2/lib/base/pool.js, `end`). Here an ending pool's errors are expected: the
 * replica is going out because it failed, and its check has said why.
 */
export function createReplicaPools(
  replicas: ReadonlyMap<string, PoolOptions>,
  limits: ReplicaPoolLimits,
): ReplicaPools {
  const driver = mysql2Driver(limits);
  const inService = new Map<string, Pool>();
  const ending = new Set<Promise<void>>();

  function endPool(pool: Pool): void {
    const ended = new Promise<void>((resolve) => {
      pool.end(() => resolve());
    });
    ending.add(ended);
    void ended.then(() => ending.delete(ended));
  }

  return {
    add(id) {
      const options = replicas.get(id);
      if (!options) throw new Error(`No replica "${id}"`);
      if (inService.has(id)) return;
      const pool = driver.createPool(options);
      // A failure reaches the statement's callback (or, idle, the pool drops the connection); this keeps a second one
      // on the same connection from being an unhandled 'error' event.
      pool.on('connection', (connection) => connection.on('error', () => undefined));
      inService.set(id, pool);
    },
    remove(id) {
      const pool = inService.get(id);
      if (!pool) return;
      inService.delete(id);
      endPool(pool);
    },
    query(id, sql, values) {
      const pool = inService.get(id);
      if (!pool) {
        const error: NodeJS.ErrnoException = new Error(`Read replica "${id}" is not in service`);
        error.code = 'POOL_NOEXIST';
        return Promise.reject(error);
      }
      return new Promise((resolve, reject) => {
        pool.query(sql, [...values], (error, rows) =>
          error ? reject(error) : resolve(rows as Record<string, unknown>[]),
        );
      });
    },
    async end() {
      for (const pool of inService.values()) endPool(pool);
      inService.clear();
      await Promise.all([...ending]);
    },
  };
}
