/**
 * How long wc-host waits for the database and for a whole request before answering 503 `wc_host_db_unavailable`.
 * 0 means no limit. The database limits come first, so a stalled or stopped database is reported as such (one log
 * line per outage) before a request's own deadline cuts it.
 */
export interface Timeouts {
  /** Opening a MySQL/MariaDB connection (WC_HOST_DB_CONNECT_TIMEOUT_MS). */
  dbConnectMs: number;
  /** Waiting for a free pooled MySQL/MariaDB connection (WC_HOST_DB_ACQUIRE_TIMEOUT_MS). */
  dbAcquireMs: number;
  /**
   * One statement (WC_HOST_DB_QUERY_TIMEOUT_MS): cancelled on the server past it (MariaDB `max_statement_time`, MySQL
   * `max_execution_time` for SELECTs). SQLite: a read on a worker thread past it ends that worker; lock waits
   * (busy_timeout) stop at the smaller of this and 5 s.
   */
  dbQueryMs: number;
  /** A whole REST request (WC_HOST_REQUEST_DEADLINE_MS): past it the client gets the 503 and the late result is dropped. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = {
  dbConnectMs: 5_000,
  dbAcquireMs: 10_000,
  dbQueryMs: 20_000,
  requestMs: 30_000,
};
