/**
 * Prepared statements kept per connection (the main SQLite connection, each read-pool worker, each MySQL connection
 * should anything use mysql2's `execute`). Per-request values are bound, never written into SQL text (see
 * src/db/boundList.ts), so the texts are one per query shape — a few dozen — and this bound is never the limit in
 * normal use; it caps what a plugin writing values into its SQL could make the cache hold.
 */
export const STATEMENT_CACHE_LIMIT = 100;
