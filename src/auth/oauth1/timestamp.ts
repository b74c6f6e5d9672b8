/** WooCommerce accepts a request whose timestamp is within 15 minutes of the server's clock, either way. */
export const OAUTH_WINDOW_SECONDS = 15 * 60;

/**
 * Parses `oauth_timestamp`. RFC 5849 §3.3 makes it a positive integer of seconds; anything else (PHP would compare
 * such strings loosely) is refused as an invalid timestamp.
 */
export function parseOAuthTimestamp(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

export function isTimestampInWindow(timestamp: number, nowSeconds: number): boolean {
  return timestamp >= nowSeconds - OAUTH_WINDOW_SECONDS && timestamp <= nowSeconds + OAUTH_WINDOW_SECONDS;
}
