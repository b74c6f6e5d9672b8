/**
 * Row types come from the entities (entities/, a plugin's tables/), whose properties are the column names: one
 * declaration of a table's shape. `Row<WpUser>` is a `{prefix}users` row as a plain object.
 */
export type Row<Entity> = { [Column in keyof Entity]: Entity[Column] };

/**
 * A row as a driver hands it back before it is read into a Row: a numeric column may come as a string (MySQL BIGINT
 * past 2^53, COUNT on some servers) — read it with Number().
 */
export type DriverRow<Entity> = {
  [Column in keyof Entity]: Entity[Column] extends number
    ? number | string
    : Entity[Column] extends number | null
      ? number | string | null
      : Entity[Column];
};
