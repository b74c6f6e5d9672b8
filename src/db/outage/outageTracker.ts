import type { Logger } from '../../host/types';
import { describeDatabaseFailure } from './databaseUnavailable';

/** Whether the database is answering, as the last statements found; see createOutageTracker. */
export interface OutageTracker {
  /** A statement failed because the database is unavailable (see isDatabaseUnavailable). */
  failed(error: unknown): void;
  /** A statement succeeded. */
  succeeded(): void;
  readonly down: boolean;
}

/**
 * Logs a database outage once when it starts (error) and once when the next statement succeeds (info, with how long
 * it lasted and how many statements failed meanwhile), instead of a stack per failed request.
 */
export function createOutageTracker(logger: Logger, now: () => number = Date.now): OutageTracker {
  let since: number | undefined;
  let failures = 0;
  // A failed statement inside a transaction fails the transaction with the same error: count it once.
  let lastError: unknown;
  return {
    failed(error) {
      if (error === lastError) return;
      lastError = error;
      failures += 1;
      if (since !== undefined) return;
      since = now();
      logger.error('Database unavailable; answering 503 wc_host_db_unavailable until it is back', {
        error: describeDatabaseFailure(error),
      });
    },
    succeeded() {
      if (since === undefined) return;
      const seconds = (now() - since) / 1000;
      logger.info(`Database available again after ${seconds.toFixed(1)} s`, { failures });
      since = undefined;
      failures = 0;
      lastError = undefined;
    },
    get down() {
      return since !== undefined;
    },
  };
}
