import { RestError } from '../../rest/RestError';

/**
 * The refusal of a throttled client: WooCommerce's Store API words and code (Automattic\WooCommerce\StoreApi\
 * Authentication::apply_rate_limiting: `rate_limit_exceeded`, "Too many requests. Please wait %d seconds before trying
 * again.", with its RateLimit-* headers) — as 429 with Retry-After, which clients and proxies know to wait on.
 */
export function rateLimitExceeded(blockedForMs: number, limit: number): RestError {
  const seconds = Math.max(1, Math.ceil(blockedForMs / 1000));
  return new RestError(
    'rate_limit_exceeded',
    `Too many requests. Please wait ${seconds} seconds before trying again.`,
    429,
    {},
    {
      'Retry-After': String(seconds),
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': '0',
      'RateLimit-Retry-After': String(seconds),
      'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + seconds),
    },
  );
}
