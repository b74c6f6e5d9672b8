import type { Db } from '../db/types';
import { DEADLINE_PASSED, withinDeadline } from '../async/withinDeadline';

/** How long /readyz waits for the database: a probe must hear "not ready" within 1 s, not hang with the database. */
export const READINESS_TIMEOUT_MS = 800;

/**
 * Whether the database answers `SELECT 1` within READINESS_TIMEOUT_MS. A stalled statement goes on in the background
 * until the database's own limits end it; its outcome is then dropped.
 */
export function readinessCheck(db: Db, timeoutMs = READINESS_TIMEOUT_MS): () => Promise<boolean> {
  return async () => {
    try {
      return (await withinDeadline(db.query('SELECT 1'), timeoutMs)) !== DEADLINE_PASSED;
    } catch {
      return false;
    }
  };
}
