import type { Db } from '../../../src/db/types';

/** What exists in the database, by name (tables, triggers, indexes), read from its catalog. */
export interface SchemaCatalog {
  tables: Set<string>;
  triggers: Set<string>;
  /** `table.index` pairs. */
  indexes: Set<string>;
}

export async function readSchemaCatalog(db: Db): Promise<SchemaCatalog> {
  if (db.dialect === 'sqlite') {
    const rows = await db.query<{ type: string; name: string; tbl_name: string }>(
      `SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')`,
    );
    return {
      tables: new Set(rows.filter((row) => row.type === 'table').map((row) => row.name)),
      triggers: new Set(rows.filter((row) => row.type === 'trigger').map((row) => row.name)),
      indexes: new Set(rows.filter((row) => row.type === 'index').map((row) => `${row.tbl_name}.${row.name}`)),
    };
  }
  const [tables, triggers, indexes] = await Promise.all([
    db.query<{ name: string }>(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
    ),
    db.query<{ name: string }>(
      `SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`,
    ),
    db.query<{ name: string }>(
      `SELECT DISTINCT CONCAT(TABLE_NAME, '.', INDEX_NAME) AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()`,
    ),
  ]);
  return {
    tables: new Set(tables.map((row) => row.name)),
    triggers: new Set(triggers.map((row) => row.name)),
    indexes: new Set(indexes.map((row) => row.name)),
  };
}

/** A column's character set and collation (MySQL), from information_schema. */
export async function columnCollation(
  db: Db,
  table: string,
  column: string,
): Promise<{ charset: string; collation: string } | null> {
  const rows = await db.query<{ charset: string | null; collation: string | null }>(
    `SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?`,
    [table, column],
  );
  const row = rows[0];
  return row?.charset && row.collation ? { charset: row.charset, collation: row.collation } : null;
}
