import { availableParallelism } from 'node:os';

/** A bounded set of slots for CPU-heavy work (password hashing), first come, first served. */
export interface WorkSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Slots taken now. */
  inUse(): number;
  /** Callers waiting for a slot now. */
  waiting(): number;
  readonly slots: number;
}

export function createWorkSlots(slots: number): WorkSlots {
  const queue: Array<() => void> = [];
  let busy = 0;
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else busy -= 1;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (busy < slots) busy += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    inUse: () => busy,
    waiting: () => queue.length,
    slots,
  };
}

/**
 * Password hashes at once: one per core. bcrypt runs on libuv's four threads, so unbounded it would take every
 * core of a 2-core machine and starve the event loop and the SQLite readers; past the cores it only adds latency.
 * The waiting count is what load shedding reads to refuse writes that would queue for a hash (src/host/load/).
 */
export const passwordHashing: WorkSlots = createWorkSlots(availableParallelism());
