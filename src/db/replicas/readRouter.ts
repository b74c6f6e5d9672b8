import { createOnDemandAsyncContext } from '../../async/onDemandAsyncContext';
import type { Logger } from '../../host/types';
import type { DirectReader } from '../directReader';
import { describeDatabaseFailure, isDatabaseUnavailable } from '../outage/databaseUnavailable';
import type { ReadPositions } from './readPositions';
import type { ReplicaPools } from './replicaPools';
import type { ReplicaRotation } from './replicaRotation';
import { waitForPosition, type ReplicationFlavor } from './replicationFlavor';

/** What createDb asks before a read outside a transaction, and tells after a write commits (see createDb.ts). */
export interface ReadRouter {
  /** Runs a read outside any transaction: on a replica, or with `onPrimary`. */
  read(sql: string, params: readonly unknown[], onPrimary: DirectReader): Promise<Record<string, unknown>[]>;
  /** A write (a statement or a whole transaction) committed on the primary. */
  wrote(): Promise<void>;
}

/** One HTTP request's routing state. */
interface RequestReads {
  /** GET or HEAD: once authentication is over, its reads may go to a replica. */
  readonly readOnly: boolean;
  /** Authentication (whose reads of keys and users go to the primary) is over. */
  authenticated: boolean;
  /** The consumer key the request authenticated with, if any. */
  keyId: number | null;
  /** Where the request's reads go, decided at its first read after authentication: a replica's id, or null. */
  target?: Promise<string | null>;
}

export interface ReplicaReadRouter extends ReadRouter {
  /** Runs one HTTP request (`work`) with routing state of its own; `method` is the request's HTTP method. */
  runRequest<T>(method: string, work: () => Promise<T>): Promise<T>;
  /** Authentication of the current request is over, with `keyId` (null: no key). */
  authenticated(keyId: number | null): void;
}

export interface ReadRouterDeps {
  pools: Pick<ReplicaPools, 'query'>;
  rotation: Pick<ReplicaRotation, 'pick' | 'takeOut'>;
  positions: ReadPositions;
  flavor: ReplicationFlavor;
  /** WC_HOST_REPLICA_WAIT_MS. */
  waitMs: number;
  logger: Logger;
}

/**
 * Routes reads between the primary and the replicas:
 * - reads of GET/HEAD requests go to one replica per request, once authentication is over (keys and their users are
 *   read on the primary, so a new or revoked key counts at once); everything else — other methods, work outside a
 *   request, transactions (which createDb keeps on the primary) — reads the primary;
 * - read-your-writes: after a write request by a consumer key commits, the primary's GTID position is recorded for
 *   the key (readPositions.ts); the key's next read request first waits up to `waitMs` for its replica to reach that
 *   position, and reads the primary if it does not;
 * - a replica that fails a read is taken out if it is unavailable, and the read (and the rest of the request) goes
 *   to the primary: reads are safe to repeat, so a replica's failure costs the client nothing but time.
 */
export function createReadRouter(deps: ReadRouterDeps): ReplicaReadRouter {
  const context = createOnDemandAsyncContext<RequestReads>();

  async function choose(reads: RequestReads): Promise<string | null> {
    const id = deps.rotation.pick();
    if (id === null || reads.keyId === null) return id;
    const position = await deps.positions.lookup(reads.keyId);
    if (position === null) return id;
    const wait = waitForPosition(deps.flavor, position, deps.waitMs);
    try {
      const [row] = await deps.pools.query(id, wait.sql, wait.values);
      return Number(row?.reached) === 1 ? id : null;
    } catch (error) {
      failed(id, error);
      return null;
    }
  }

  function failed(id: string, error: unknown): void {
    if (isDatabaseUnavailable(error)) deps.rotation.takeOut(id, `a read failed (${describeDatabaseFailure(error)})`);
    else
      deps.logger.warn('A read failed on a replica and was read again on the primary', {
        error: describeDatabaseFailure(error),
      });
  }

  return {
    runRequest(method, work) {
      const readOnly = method === 'GET' || method === 'HEAD';
      return context.run({ readOnly, authenticated: false, keyId: null }, work);
    },
    authenticated(keyId) {
      const reads = context.getStore();
      if (!reads) return;
      reads.authenticated = true;
      reads.keyId = keyId;
    },
    async read(sql, params, onPrimary) {
      const reads = context.getStore();
      if (!reads || !reads.readOnly || !reads.authenticated) return onPrimary(sql, params);
      const id = await (reads.target ??= choose(reads));
      if (id === null) return onPrimary(sql, params);
      try {
        return await deps.pools.query(id, sql, params);
      } catch (error) {
        failed(id, error);
        reads.target = Promise.resolve(null);
        return onPrimary(sql, params);
      }
    },
    async wrote() {
      const reads = context.getStore();
      // A GET's own writes (last_access, an OAuth nonce) are bookkeeping its client never reads back.
      if (!reads || reads.readOnly || reads.keyId === null) return;
      await deps.positions.record(reads.keyId);
    },
  };
}
