import * as mysql2 from 'mysql2';
import type { PoolConnection, PoolOptions } from 'mysql2';
import { limitAcquireWait } from '../mysql/acquireTimeout';
import { prepareConnection } from '../mysql/driver';

export interface ReplicaPoolLimits {
  /** How long a read waits for a pooled connection (WC_HOST_DB_ACQUIRE_TIMEOUT_MS); 0 = as long as it takes. */
  acquireTimeoutMs: number;
  /** One statement's limit (WC_HOST_DB_QUERY_TIMEOUT_MS), on the server and the client, as on the primary. */
  statementTimeoutMs: number;
}

/** The replicas' connection pools, in a mysql2 PoolCluster: one node per replica in service. */
export interface ReplicaPools {
  /** Puts replica `id` (back) into service with a fresh pool; nothing if it is in service. */
  add(id: string): void;
  /** Takes it out: its pool ends (reads still running on it fail, and are read again on the primary). */
  remove(id: string): void;
  /** Runs a read on replica `id`; fails at once (POOL_NOEXIST) if it is out of service. */
  query(id: string, sql: string, values: readonly unknown[]): Promise<Record<string, unknown>[]>;
  end(): Promise<void>;
}

/**
 * mysql2's PoolCluster over `replicas` (id → connection options). Selection is not the cluster's: which replica a
 * request reads from is chosen once per request (see readRouting.ts), so its reads and its read-your-writes wait hit
 * the same server; so nodes are named one by one (`of(id)`) and never retried or dropped by the cluster itself.
 * Each connection gets the primary's session settings (WordPress's sql_mode, the statement limit) the first time it
 * is handed out, since the cluster builds its pools without the hooks src/db/mysql/driver.ts adds.
 */
export function createReplicaPools(
  replicas: ReadonlyMap<string, PoolOptions>,
  limits: ReplicaPoolLimits,
): ReplicaPools {
  const cluster = mysql2.createPoolCluster({ canRetry: false, removeNodeErrorCount: Number.POSITIVE_INFINITY });
  const inService = new Set<string>();
  const prepared = new WeakSet<PoolConnection>();
  const bounded = new WeakSet<object>();

  function connectionOf(id: string): Promise<PoolConnection> {
    const namespace = cluster.of(id);
    if (!bounded.has(namespace)) {
      limitAcquireWait(namespace, limits.acquireTimeoutMs);
      bounded.add(namespace);
    }
    return new Promise((resolve, reject) => {
      namespace.getConnection((error, connection) => (error ? reject(error) : resolve(connection)));
    });
  }

  return {
    add(id) {
      const options = replicas.get(id);
      if (!options) throw new Error(`No replica "${id}"`);
      if (inService.has(id)) return;
      cluster.add(id, options);
      inService.add(id);
    },
    remove(id) {
      if (!inService.delete(id)) return;
      cluster.remove(id);
    },
    async query(id, sql, values) {
      const connection = await connectionOf(id);
      if (!prepared.has(connection)) {
        prepared.add(connection);
        // A failure reaches the statement's callback; this keeps a second one from being an unhandled 'error' event.
        connection.on('error', () => undefined);
        prepareConnection(connection, limits.statementTimeoutMs);
      }
      try {
        return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          connection.query(sql, [...values], (error, rows) =>
            error ? reject(error) : resolve(rows as Record<string, unknown>[]),
          );
        });
      } finally {
        connection.release();
      }
    },
    end: () =>
      new Promise<void>((resolve, reject) => {
        cluster.end((error) => (error ? reject(error) : resolve()));
      }),
  };
}
