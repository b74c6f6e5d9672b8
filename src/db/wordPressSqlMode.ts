/**
 * The SQL modes WordPress removes from every connection (wpdb::set_sql_mode, $incompatible_modes). WordPress tables
 * use '0000-00-00 00:00:00' defaults and WordPress writes rows without every column, which strict modes reject.
 */
export const WORDPRESS_INCOMPATIBLE_SQL_MODES = [
  'NO_ZERO_DATE',
  'ONLY_FULL_GROUP_BY',
  'STRICT_TRANS_TABLES',
  'STRICT_ALL_TABLES',
  'TRADITIONAL',
  'ANSI',
  'NO_ZERO_IN_DATE',
  'ERROR_FOR_DIVISION_BY_ZERO',
] as const;

/**
 * One statement that removes the incompatible modes from the session's current sql_mode and keeps the others. It has
 * to be a single statement: it is queued on a new pooled connection ahead of the first query of whoever asked for it (see mysql/driver.ts).
 */
const modesWithoutIncompatible = WORDPRESS_INCOMPATIBLE_SQL_MODES.reduce(
  (expression, mode) => `REPLACE(${expression}, ',${mode},', ',')`,
  "CONCAT(',', @@SESSION.sql_mode, ',')",
);
export const WORDPRESS_SQL_MODE_STATEMENT = `SET SESSION sql_mode = TRIM(BOTH ',' FROM ${modesWithoutIncompatible})`;
