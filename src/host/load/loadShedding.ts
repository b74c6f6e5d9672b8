import type { Socket } from 'node:net';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RestError } from '../../rest/RestError';
import { sendRestError } from '../sendRestError';
import type { WorkSlots } from '../../async/workSlots';
import { passwordHashing } from '../../wp/hashingSlots';
import { createEventLoopAdmission, type EventLoopAdmission } from './eventLoopAdmission';

/** Limits past which a request is refused at once (0 turns a limit off); see README.md, "Load shedding". */
export interface LoadSheddingSettings {
  /** WC_HOST_MAX_IN_FLIGHT: requests being answered at once. */
  maxInFlight: number;
  /** WC_HOST_MAX_WRITES_IN_FLIGHT: of those, requests that may write (any method but GET, HEAD and OPTIONS). */
  maxWritesInFlight: number;
  /** WC_HOST_MAX_EVENT_LOOP_DELAY_MS: event-loop delay (ms) past which a shrinking share of requests is admitted. */
  maxEventLoopDelayMs: number;
  /** WC_HOST_MAX_DB_QUEUE: callers waiting for a pooled database connection (MySQL/MariaDB). */
  maxDbQueue: number;
  /** WC_HOST_SHED_RETRY_AFTER_SECONDS: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

export type ShedReason = 'in_flight' | 'writes_in_flight' | 'event_loop_delay' | 'db_queue' | 'hash_queue';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Open client connections from which event-loop delay may shed. HTTP/1.1 has one request at a time per connection,
 * so fewer clients cannot queue more than a request each: a late loop then means a busy machine (or one slow
 * statement), and refusing would turn a slow answer into an error for nothing.
 */
export const BUSY_CONNECTIONS = 16;

/** What the shedder watches besides its own counts (replaceable in tests). */
export interface LoadSheddingProbes {
  hashing: Pick<WorkSlots, 'inUse' | 'waiting' | 'slots'>;
  eventLoop(maxDelayMs: number, busy: () => boolean): EventLoopAdmission;
}

export interface LoadShedder {
  /** Refuses a request with 503 `wc_host_overloaded` when a limit is reached; counts those it lets through. */
  middleware: RequestHandler;
  inFlight(): number;
  /** Refusals so far, by reason. */
  refused(): Record<ShedReason, number>;
  stop(): void;
}

/**
 * Fast refusals instead of queueing: past a limit a request costs a few microseconds and a 503 its client can retry
 * (elsewhere, or after Retry-After), instead of waiting seconds behind others and slowing every one of them.
 * Reads and writes are refused alike — a refused request has done nothing, so any of them is safe to retry — and
 * a batch counts as one request. Writes also have a cap of their own: they wait for password hashing and the write
 * lock, which reads do not, so without it a backlog of writes would fill every slot and starve the reads.
 * Past those caps, overload is a standing event-loop delay with many clients (eventLoopAdmission.ts), which sheds a
 * share of all requests and keeps creates off the last core. Mounted after /healthz and /readyz, never refused.
 */
export function createLoadShedder(
  settings: LoadSheddingSettings,
  dbQueueLength: () => number,
  probes: Partial<LoadSheddingProbes> = {},
): LoadShedder {
  const hashing = probes.hashing ?? passwordHashing;
  const eventLoop = probes.eventLoop ?? createEventLoopAdmission;
  // Connections that have sent a request here (a host mounted in a bigger app sees only its own).
  const seenSockets = new WeakSet<Socket>();
  let openConnections = 0;
  const busy = (): boolean => openConnections >= BUSY_CONNECTIONS;
  const admission: EventLoopAdmission | null =
    settings.maxEventLoopDelayMs > 0 ? eventLoop(settings.maxEventLoopDelayMs, busy) : null;
  const overloaded = new RestError(
    'wc_host_overloaded',
    'The server is too busy to answer this request right now. Please retry it shortly.',
    503,
    {},
    { 'Retry-After': String(settings.retryAfterSeconds) },
  );
  const refusals: Record<ShedReason, number> = {
    in_flight: 0,
    writes_in_flight: 0,
    event_loop_delay: 0,
    db_queue: 0,
    hash_queue: 0,
  };
  let inFlight = 0;
  let writesInFlight = 0;

  const hashesWhileBusy = Math.max(1, hashing.slots - 1);
  const reasonToShed = (write: boolean, method: string): ShedReason | null => {
    if (settings.maxInFlight > 0 && inFlight >= settings.maxInFlight) return 'in_flight';
    if (write && settings.maxWritesInFlight > 0 && writesInFlight >= settings.maxWritesInFlight)
      return 'writes_in_flight';
    if (settings.maxDbQueue > 0 && dbQueueLength() >= settings.maxDbQueue) return 'db_queue';
    if (!admission || !busy() || admission.share() >= 1) return null;
    // Overloaded: the loop has a standing delay with many clients. A POST creates customers, and every create hashes
    // a password (~60 ms of CPU at WordPress's bcrypt cost 10), so creates may hash on all cores but one — the last
    // is kept for the event loop and the readers — and the rest of the requests get the share the delay allows.
    if (method === 'POST' && hashing.inUse() + hashing.waiting() >= hashesWhileBusy) return 'hash_queue';
    if (!admission.admit()) return 'event_loop_delay';
    return null;
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const socket = req.socket;
    if (!seenSockets.has(socket)) {
      seenSockets.add(socket);
      openConnections += 1;
      socket.once('close', () => (openConnections -= 1));
    }
    const write = !READ_METHODS.has(req.method);
    const reason = reasonToShed(write, req.method);
    if (reason) {
      refusals[reason] += 1;
      sendRestError(res, overloaded);
      return;
    }
    inFlight += 1;
    if (write) writesInFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (write) writesInFlight -= 1;
    });
    next();
  };

  return {
    middleware,
    inFlight: () => inFlight,
    refused: () => ({ ...refusals }),
    stop: () => admission?.stop(),
  };
}
