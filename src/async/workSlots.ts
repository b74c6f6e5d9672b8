/** At most `slots` pieces of async work at once, the rest first come, first served (a lock is one slot). */
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
