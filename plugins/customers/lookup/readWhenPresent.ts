import { isDatabaseUnavailable } from '../../../src/db/outage/databaseUnavailable';

/** After a read of one of the lookup's tables failed, how long to answer without it before trying again. */
const RECHECK_MS = 10_000;

/**
 * `read` of tables `db index` may not have made (no lookup, or one made before that table): when it fails, `absent`
 * answers instead — and keeps answering for RECHECK_MS before the table is tried again. A database that is down fails
 * every other read too: that error propagates (the request answers 503).
 */
export function readWhenPresent<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  absent: (...args: Args) => Result,
): (...args: Args) => Promise<Result> {
  let absentUntil = 0;
  return async (...args) => {
    if (Date.now() < absentUntil) return absent(...args);
    try {
      return await read(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      absentUntil = Date.now() + RECHECK_MS;
      return absent(...args);
    }
  };
}
