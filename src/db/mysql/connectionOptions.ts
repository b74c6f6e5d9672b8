/** The mysql2 options of every MySQL/MariaDB connection (the primary's, a read replica's), so rows read the same. */
export const MYSQL_CONNECTION_OPTIONS = {
  // mysql2 maps the collation name to its id for the handshake; MySQL 8 and MariaDB both know this one.
  charset: 'utf8mb4_unicode_520_ci',
  timezone: '+00:00',
  dateStrings: true,
  supportBigNumbers: true,
  bigNumberStrings: false,
} as const;

/** Pooled connections per database server and process. */
export const MYSQL_POOL_SIZE = 10;
