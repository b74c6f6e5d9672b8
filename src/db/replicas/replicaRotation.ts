import type { Logger } from '../../host/types';
import type { ReplicaCheck } from './replicaCheck';
import type { ReplicaPools } from './replicaPools';

export interface RotatingReplica {
  id: string;
  /** How logs name it (no password). */
  label: string;
  check: ReplicaCheck;
}

/** Which replicas serve reads: those whose last check found them up and close enough behind the primary. */
export interface ReplicaRotation {
  /** The replica a request reads from (round robin over those in service), or null: the primary reads. */
  pick(): string | null;
  /** A read found `id` unavailable: out of service until a later check finds it well. */
  takeOut(id: string, reason: string): void;
  /** Checks every replica now. */
  checkAll(): Promise<void>;
  /** Checks every `intervalMs` from now on (the timer does not keep the process alive). */
  start(intervalMs: number): void;
  stop(): void;
  inService(): string[];
}

/**
 * Keeps `pools` to the replicas in service: a replica is added when a check finds it usable and removed when a check
 * (or a failed read, see takeOut) finds it not — down, not replicating, or lagging past the bound — so a replica
 * taken out comes back by itself at the first good check. Each change is logged once (warn out, info in).
 */
export function createReplicaRotation(
  replicas: readonly RotatingReplica[],
  pools: Pick<ReplicaPools, 'add' | 'remove'>,
  logger: Logger,
): ReplicaRotation {
  const serving: string[] = [];
  /** When each replica last went out: a check that started before then cannot bring it back. */
  const outSince = new Map<string, number>();
  let next = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  /** stop() was called: a check still under way then must not put a replica (a new pool) back. */
  let closed = false;

  function putIn(replica: RotatingReplica, lagSeconds: number): void {
    if (serving.includes(replica.id)) return;
    pools.add(replica.id);
    serving.push(replica.id);
    const wasOut = outSince.has(replica.id);
    outSince.delete(replica.id);
    logger.info(
      `Read replica ${replica.label} ${wasOut ? 'is back in use' : 'in use'} (${lagSeconds} s behind the primary)`,
    );
  }

  function putOut(replica: RotatingReplica, reason: string): void {
    const known = outSince.has(replica.id);
    const index = serving.indexOf(replica.id);
    outSince.set(replica.id, Date.now());
    if (index >= 0) {
      serving.splice(index, 1);
      pools.remove(replica.id);
    } else if (known) {
      return;
    }
    logger.warn(
      `Read replica ${replica.label} not in use: ${reason}; the primary serves its reads until a check finds it well`,
    );
  }

  async function checkOne(replica: RotatingReplica): Promise<void> {
    const startedAt = Date.now();
    const health = await replica.check.check();
    if (closed) return;
    if (health.usable) {
      const out = outSince.get(replica.id);
      if (out === undefined || out <= startedAt) putIn(replica, health.lagSeconds);
    } else {
      putOut(replica, health.reason);
    }
  }

  const rotation: ReplicaRotation = {
    pick() {
      if (serving.length === 0) return null;
      next = (next + 1) % serving.length;
      return serving[next];
    },
    takeOut(id, reason) {
      const replica = replicas.find((candidate) => candidate.id === id);
      if (replica) putOut(replica, reason);
    },
    async checkAll() {
      await Promise.all(replicas.map(checkOne));
    },
    start(intervalMs) {
      stopped = false;
      const schedule = (): void => {
        timer = setTimeout(() => {
          void rotation.checkAll().finally(() => {
            if (!stopped) schedule();
          });
        }, intervalMs);
        timer.unref();
      };
      schedule();
    },
    stop() {
      stopped = true;
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const replica of replicas) replica.check.close();
    },
    inService: () => [...serving],
  };
  return rotation;
}
