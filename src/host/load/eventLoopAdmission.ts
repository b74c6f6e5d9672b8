import { performance } from 'node:perf_hooks';

/** How often the delay is measured and the admitted share adjusted: short, so a spike of load is answered within ~0.2 s. */
export const SAMPLE_INTERVAL_MS = 100;
/** The smallest share still admitted, so the delay keeps being measured under real work and the share can recover. */
const MIN_SHARE = 0.05;
/** Cut by this factor while the loop is overloaded; raised by RECOVERY_STEP per calm sample (about 2 s from the floor). */
const DECREASE_FACTOR = 0.7;
const RECOVERY_STEP = 0.05;

export interface EventLoopAdmission {
  /** Whether to admit one more request now (deterministic: the admitted share is spread evenly over requests). */
  admit(): boolean;
  /** How late the last sample's timer fired, in ms. */
  lagMs(): number;
  /** The share of requests admitted now, 0.05–1. */
  share(): number;
  stop(): void;
}

/**
 * Admits a share of requests that shrinks while the event loop lags (AIMD, as TCP does with its window) instead of
 * all-or-nothing: refusing everything for a moment and then accepting everything lets a backlog build up again in
 * every accepting moment, so the accepted requests' latency would swing with it. The delay is how late a 100 ms
 * timer fires — under-pressure's measure without perf_hooks.monitorEventLoopDelay, whose histogram records nothing
 * in a window with a single timer turn (its first turn after a reset only starts the clock), which is exactly what a
 * saturated loop gives a short window.
 *
 * The share falls only after two samples in a row over `maxDelayMs`: one synchronous stall (a big SQLite statement,
 * a GC pause) is a single late sample however long it lasts, while overload makes every sample late. It rises again
 * once samples are under half the limit.
 */
export function createEventLoopAdmission(maxDelayMs: number, sampleIntervalMs = SAMPLE_INTERVAL_MS): EventLoopAdmission {
  let last = performance.now();
  let lag = 0;
  let previousOver = false;
  let share = 1;
  let credit = 0;

  const sample = (): void => {
    const now = performance.now();
    lag = Math.max(0, now - last - sampleIntervalMs);
    last = now;
    const over = lag > maxDelayMs;
    if (over && previousOver) share = Math.max(MIN_SHARE, share * DECREASE_FACTOR);
    else if (lag < maxDelayMs / 2) share = Math.min(1, share + RECOVERY_STEP);
    previousOver = over;
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
    lagMs: () => lag,
    share: () => share,
    stop() {
      clearInterval(timer);
    },
  };
}
