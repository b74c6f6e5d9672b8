import { performance } from 'node:perf_hooks';

/** How often the delay is sampled: a short timer, so a queue that builds up is seen within a window or two. */
export const SAMPLE_INTERVAL_MS = 5;
/** The window over which the smallest delay is taken (CoDel's "interval"). */
export const WINDOW_MS = 50;
/** The smallest share still admitted, so the delay keeps being measured under real work and the share can recover. */
const MIN_SHARE = 0.05;
/** Cut by this factor per window with a standing delay; raised by RECOVERY_STEP per calm window (~1 s from the floor). */
const DECREASE_FACTOR = 0.7;
const RECOVERY_STEP = 0.05;

export interface EventLoopAdmission {
  /** Whether to admit one more request now (deterministic: the admitted share is spread evenly over requests). */
  admit(): boolean;
  /** The smallest delay of the last full window, in ms. */
  lagMs(): number;
  /** The share of requests admitted now, 0.05–1. */
  share(): number;
  stop(): void;
}

/**
 * Admits a share of requests that shrinks while the event loop has a standing delay (AIMD, as TCP does with its
 * window). A saturated loop is where an overloaded Node server queues: requests wait unread in their sockets, where
 * no in-flight count sees them, so the delay is the one measure of that queue.
 *
 * The measure is CoDel's (https://queue.acm.org/detail.cfm?id=2209336): the *smallest* delay of a 50 ms window.
 * One synchronous stall (a big statement, a GC pause) makes one sample late however long it lasts, while the other
 * samples of its window are on time; a queue makes every sample late. The delay is how late a short timer fires —
 * under-pressure's measure without perf_hooks.monitorEventLoopDelay, whose histogram records nothing in a window
 * with a single timer turn, which is exactly what a saturated loop gives. A window ends at its first sample 50 ms
 * after it began, and holds two samples at least, so a stall is never the only sample of its window.
 *
 * `busy()` says whether the server has enough clients for a queue to matter: with few connections each waits for its
 * answer before asking again, so the loop's backlog is at most one request per connection — a late timer then means
 * a busy machine, not an overloaded server, and refusing would only turn a slow answer into an error.
 */
export function createEventLoopAdmission(
  maxDelayMs: number,
  busy: () => boolean = () => true,
  sampleIntervalMs = SAMPLE_INTERVAL_MS,
  windowMs = WINDOW_MS,
): EventLoopAdmission {
  let last = performance.now();
  let windowStart = last;
  let windowMin = Number.POSITIVE_INFINITY;
  let windowSamples = 0;
  let lastWindowMin = 0;
  let share = 1;
  let credit = 0;

  const closeWindow = (now: number): void => {
    lastWindowMin = windowMin;
    // Cut in proportion to how far over the limit the loop is (at least by DECREASE_FACTOR): a loop ten times too late
    // needs a tenth of the work at once, not several windows more of queueing.
    if (windowMin > maxDelayMs && busy())
      share = Math.max(MIN_SHARE, share * Math.min(DECREASE_FACTOR, maxDelayMs / windowMin));
    else if (windowMin < maxDelayMs / 2 || !busy()) share = Math.min(1, share + RECOVERY_STEP);
    windowStart = now;
    windowMin = Number.POSITIVE_INFINITY;
    windowSamples = 0;
  };
  const sample = (): void => {
    const now = performance.now();
    windowMin = Math.min(windowMin, Math.max(0, now - last - sampleIntervalMs));
    windowSamples += 1;
    last = now;
    if (now - windowStart >= windowMs && windowSamples >= 2) closeWindow(now);
  };
  const timer = setInterval(sample, sampleIntervalMs);
  timer.unref();

  return {
    admit() {
      if (share >= 1) return true;
      credit += share;
      if (credit < 1) return false;
      credit -= 1;
      return true;
    },
    lagMs: () => lastWindowMin,
    share: () => share,
    stop() {
      clearInterval(timer);
    },
  };
}
