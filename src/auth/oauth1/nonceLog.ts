import { OAUTH_WINDOW_SECONDS } from './timestamp';

/**
 * The `nonces` column of a key as WooCommerce keeps it: a PHP array `timestamp ⇒ nonce`, in insertion order.
 * One nonce per timestamp: a second request in the same second replaces the first one's entry (WooCommerce does this).
 */
export type NonceLog = ReadonlyArray<readonly [timestamp: number, nonce: unknown]>;

export type NonceCheck = { accepted: false } | { accepted: true; log: NonceLog };

/**
 * WooCommerce's check_oauth_timestamp_and_nonce after the window check: refuse a nonce found anywhere in the log
 * (strict comparison), otherwise record it under its timestamp and drop entries older than the window.
 */
export function recordNonce(log: NonceLog, timestamp: number, nonce: string, nowSeconds: number): NonceCheck {
  if (log.some(([, used]) => used === nonce)) return { accepted: false };
  const updated: Array<readonly [number, unknown]> = log.some(([at]) => at === timestamp)
    ? log.map((entry) => (entry[0] === timestamp ? ([timestamp, nonce] as const) : entry))
    : [...log, [timestamp, nonce] as const];
  return { accepted: true, log: updated.filter(([at]) => at >= nowSeconds - OAUTH_WINDOW_SECONDS) };
}
