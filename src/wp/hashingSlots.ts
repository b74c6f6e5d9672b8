import { availableParallelism } from 'node:os';
import { createWorkSlots, type WorkSlots } from '../async/workSlots';

/**
 * Password hashes at once: one per core. bcrypt runs on libuv's four threads, so unbounded it would take every
 * core of a 2-core machine and starve the event loop and the SQLite readers; past the cores it only adds latency.
 * The waiting count is what load shedding reads to refuse writes that would queue for a hash (src/host/load/).
 */
export const passwordHashing: WorkSlots = createWorkSlots(availableParallelism());
