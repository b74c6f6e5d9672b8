import { createWorkSlots } from '../async/workSlots';

/** A first-come, first-served lock for async work within this process. */
export interface AsyncMutex {
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** One slot: the next caller starts when the previous one's work has settled, fulfilled or rejected. */
export function createAsyncMutex(): AsyncMutex {
  const slot = createWorkSlots(1);
  return { runExclusive: (work) => slot.run(work) };
}
