export interface RestartBackoffSettings {
  /** The wait before restarting a worker that died soon after the previous restart. */
  firstDelayMs: number;
  /** The wait never grows past this. */
  maxDelayMs: number;
  /** A worker that lived this long counts as stable: its death is restarted at once and the back-off starts over. */
  stableAfterMs: number;
}

/** Restarts at once after a stable run; then 1 s, 2 s, 4 s … up to 30 s while a worker keeps dying within a minute. */
export const DEFAULT_RESTART_BACKOFF: RestartBackoffSettings = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

/**
 * How long to wait before restarting one worker slot, from how long its last process lived: a worker that crashes
 * once in a while comes back at once, one that keeps crashing (a broken database, a plugin that throws on load) is
 * restarted ever more slowly instead of burning the machine's CPU in a fork loop.
 */
export class RestartBackoff {
  private quickDeaths = 0;

  constructor(private readonly settings: RestartBackoffSettings = DEFAULT_RESTART_BACKOFF) {}

  /** The delay before the next restart, after a process that lived `livedMs`. */
  delayAfter(livedMs: number): number {
    if (livedMs >= this.settings.stableAfterMs) this.quickDeaths = 0;
    const delay =
      this.quickDeaths === 0
        ? 0
        : Math.min(this.settings.maxDelayMs, this.settings.firstDelayMs * 2 ** (this.quickDeaths - 1));
    this.quickDeaths += 1;
    return delay;
  }
}
