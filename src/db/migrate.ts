import type { Logger } from '../host/types';
import { TableCreatingMigration } from './migrations';
import { seed, type SeedOptions } from './seed';
import { markCreatedByWcHost } from './siteOrigin';
import type { Db } from './types';

export interface MigrateResult {
  /** Prefixed names of the tables this run created. */
  createdTables: string[];
  /** Whether this run seeded the database (it does exactly when it created `{prefix}users`). */
  seeded: boolean;
}

/** The lock migrate() holds, so two wc-host processes starting together don't both create and seed. */
const MIGRATION_LOCK = 'migrate';

/**
 * Runs wc-host's pending TypeORM migrations, which create only the tables that are missing and never alter an
 * existing one, then seeds the database if this run created `{prefix}users`: pointed at a live WordPress database,
 * it adds what is missing (e.g. WooCommerce tables) and leaves the site's users and options alone.
 *
 * SQLite: migrations and seed run in one BEGIN IMMEDIATE transaction (SQLite DDL is transactional). MySQL: DDL
 * commits by itself, so the tables are created on their own connection while this one holds GET_LOCK, and the seed
 * is one transaction after them. The migration history lives in `{prefix}wc_host_migrations`.
 */
export async function migrate(db: Db, logger: Logger, seedOptions: SeedOptions = {}): Promise<MigrateResult> {
  return db.transaction(
    async (tx) => {
      const executed = await tx.dataSource.runMigrations({ transaction: 'none' });
      const createdTables = executed.flatMap(({ instance }) =>
        instance instanceof TableCreatingMigration ? instance.createdTables : [],
      );
      for (const table of createdTables) logger.debug('Created table', { table });
      const seeded = createdTables.includes(`${tx.prefix}users`);
      if (seeded) {
        await seed(tx, seedOptions);
        await markCreatedByWcHost(tx);
        logger.debug('Seeded the new database: roles, site options and the administrator "admin"');
      }
      return { createdTables, seeded };
    },
    { lock: MIGRATION_LOCK },
  );
}
