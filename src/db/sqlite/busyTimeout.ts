/** SQLite's busy_timeout when no statement limit makes it shorter. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long a SQLite statement waits for another connection's lock (busy_timeout) before failing with SQLITE_BUSY:
 * the statement limit, but never over 5 s, since on the main connection the wait blocks the event loop.
 */
export function sqliteBusyTimeoutMs(statementTimeoutMs: number | undefined): number {
  return statementTimeoutMs === undefined || statementTimeoutMs <= 0
    ? SQLITE_BUSY_TIMEOUT_MS
    : Math.min(statementTimeoutMs, SQLITE_BUSY_TIMEOUT_MS);
}
