import type { ColumnOptions } from 'typeorm';

/**
 * Column options for a WordPress DATETIME column ('YYYY-MM-DD HH:MM:SS', '0000-00-00 00:00:00' when unset).
 * Declared as varchar(19) on purpose: with `datetime` TypeORM would turn the value into a JS Date in the process's
 * time zone (and '0000-00-00 00:00:00' into an Invalid Date). The real column type is DATETIME on MySQL and TEXT on
 * SQLite (see src/db/migrations/tables); MySQL accepts the string form on insert and returns it (dateStrings).
 */
export function wpDateColumn(name: string, options: { nullable?: boolean } = {}): ColumnOptions {
  return options.nullable
    ? { name, type: 'varchar', length: 19, nullable: true, default: null }
    : { name, type: 'varchar', length: 19, default: '0000-00-00 00:00:00' };
}
