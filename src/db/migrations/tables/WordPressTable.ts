/**
 * One WordPress/WooCommerce table, with its CREATE statements for both databases. `table` is the prefixed name.
 * MySQL gets WordPress's own DDL (keys, prefix lengths, '0000-00-00' defaults); SQLite gets the equivalent table:
 * INTEGER PRIMARY KEY AUTOINCREMENT ids, dates as TEXT, COLLATE NOCASE on the varchar/char columns (MySQL compares
 * them case-insensitively through the table collation), and the same indexes named `{table}_{key}` because SQLite
 * index names are global to the file.
 */
export interface WordPressTable {
  /** The unprefixed name, e.g. `users`. */
  baseName: string;
  /** `charsetCollate` is e.g. `DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`. */
  mysql(table: string, charsetCollate: string): string;
  sqlite(table: string): string[];
}

/** `CREATE INDEX IF NOT EXISTS "wp_users_user_email" ON "wp_users" ("user_email")`. */
export function sqliteIndex(table: string, key: string, columns: readonly string[], unique = false): string {
  const columnList = columns.map((column) => `"${column}"`).join(', ');
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${table}_${key}" ON "${table}" (${columnList})`;
}
