import type { DataSource } from 'typeorm';
import type { Dialect } from './types';

/** Which SQL dialect a DataSource speaks; wc-host supports better-sqlite3 and MySQL/MariaDB through mysql2. */
export function dialectOf(dataSource: Pick<DataSource, 'options'>): Dialect {
  const type = dataSource.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'mysql' || type === 'mariadb') return 'mysql';
  throw new Error(`wc-host supports SQLite (better-sqlite3) and MySQL/MariaDB, not "${type}"`);
}
