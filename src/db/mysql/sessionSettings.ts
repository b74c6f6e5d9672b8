import { WORDPRESS_SQL_MODE_STATEMENT } from '../wordPressSqlMode';

/**
 * The one statement a new pooled connection runs before its first query: WordPress's sql_mode, and the server-side
 * statement limit, so a statement past its deadline stops on the server too instead of running on after the client
 * gave up. MariaDB's `max_statement_time` (seconds) covers every statement; MySQL's `max_execution_time` (ms) only
 * read-only SELECTs. 0 leaves the server's setting.
 */
export function sessionSettingsStatement(
  serverVersion: string,
  statementTimeoutMs: number,
): { sql: string; values: number[] } {
  if (statementTimeoutMs <= 0) return { sql: WORDPRESS_SQL_MODE_STATEMENT, values: [] };
  return /mariadb/i.test(serverVersion)
    ? { sql: `${WORDPRESS_SQL_MODE_STATEMENT}, max_statement_time = ?`, values: [statementTimeoutMs / 1000] }
    : { sql: `${WORDPRESS_SQL_MODE_STATEMENT}, max_execution_time = ?`, values: [statementTimeoutMs] };
}
