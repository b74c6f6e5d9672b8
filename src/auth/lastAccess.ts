import type { Db } from '../db/types';

/**
 * WooCommerce writes `last_access` on every authenticated request. wc-host writes it only when the stored value is at
 * least this old, so a burst of GETs costs no write per request; the column stays accurate to the minute.
 */
export const LAST_ACCESS_RESOLUTION_SECONDS = 60;

/** Whether `last_access` (site-local `Y-m-d H:i:s`, or null) should be rewritten at `now` (same format). */
export function isLastAccessStale(stored: string | null, now: string): boolean {
  if (stored === null) return true;
  const storedMs = parseMysqlDatetime(stored);
  const nowMs = parseMysqlDatetime(now);
  if (storedMs === null || nowMs === null) return true;
  // Both are site-local times, so comparing them as if UTC is exact; a value in the future (clock or timezone change)
  // is rewritten too.
  return Math.abs(nowMs - storedMs) >= LAST_ACCESS_RESOLUTION_SECONDS * 1000;
}

export async function writeLastAccess(db: Db, keyId: number, now: string): Promise<void> {
  await db.execute(`UPDATE ${db.table('woocommerce_api_keys')} SET last_access = ? WHERE key_id = ?`, [now, keyId]);
}

function parseMysqlDatetime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
