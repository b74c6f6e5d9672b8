import { existsSync } from 'node:fs';
import { parseDatabaseUrl } from '../config/databaseUrl';
import type { Db } from '../db/types';

/**
 * Refuses a SQLite file that does not exist yet, before anything opens it (opening would create it): `keys` and `db`
 * work on an existing site; a missing file means DATABASE_URL was not passed along (the site is elsewhere) or the
 * site was never set up.
 */
export function refuseNewSqliteFile(databaseUrl: string): void {
  const config = parseDatabaseUrl(databaseUrl);
  if (config.dialect === 'sqlite' && config.path !== ':memory:' && !existsSync(config.path)) {
    throw new Error(
      `No database at ${config.path}. Set DATABASE_URL to your database, or run \`npx wc-host migrate\` to create it.`,
    );
  }
}

/** Refuses a database without WordPress's users table under the configured prefix (an empty database, a wrong prefix). */
export async function requireWordPressTables(db: Db, label: string): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    if (await runner.hasTable(`${db.prefix}users`)) return;
  } finally {
    await runner.release();
  }
  throw new Error(
    `No WordPress tables (${db.prefix}users) in ${label}. Set DATABASE_URL and DB_TABLE_PREFIX to your site's ` +
      'database, or run `npx wc-host migrate` to create them.',
  );
}
