/** A class TypeORM maps (decorated with `@Entity`). */
export type EntityClass = abstract new (...args: never[]) => object;

/**
 * A table the host or a plugin owns. Its TypeORM entity is the one declaration of its columns and indexes (row types
 * come from it too). The CREATE statements may be written out when the exact DDL matters — WordPress's and
 * WooCommerce's tables: MySQL key prefix lengths, '0000-00-00' defaults, the table collation — and then
 * test/storage.schemaMatchesEntities.test.ts proves they create what the entity declares. Left out, the host builds
 * the table from the entity. `table` is the prefixed name.
 *
 * Written-out SQLite tables follow one translation of WordPress's MySQL DDL: INTEGER PRIMARY KEY AUTOINCREMENT ids,
 * dates and long texts as TEXT, COLLATE NOCASE on the varchar/char columns (MySQL compares them case-insensitively
 * through the table collation), and indexes named `{table}_{key}` because SQLite index names are global to the file.
 */
export interface TableDefinition {
  entity: EntityClass;
  /** `charsetCollate` is e.g. `DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`. */
  mysql?(table: string, charsetCollate: string): string;
  /** The statements, in order; none: the table is not created on SQLite. */
  sqlite?(table: string): string[];
}

/** `CREATE INDEX IF NOT EXISTS "wp_users_user_email" ON "wp_users" ("user_email")`. */
export function sqliteIndex(table: string, key: string, columns: readonly string[], unique = false): string {
  const columnList = columns.map((column) => `"${column}"`).join(', ');
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${table}_${key}" ON "${table}" (${columnList})`;
}
