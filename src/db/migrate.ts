import type { Logger } from '../host/types';
import { TableCreatingMigration } from './migrations';
import { createMissingTables } from './migrations/createMissingTables';
import { pluginTablesOf } from './pluginTables';
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
 * Creates the plugins' missing tables (those of the plugins the DataSource was built with, in load order; see
 * createDataSource), then runs the pending TypeORM migrations — wc-host's, which create only the WordPress core and
 * wc-host tables that are missing, and the plugins' — then seeds the database if this run created `{prefix}users`.
 * Nothing existing is altered: pointed at a live WordPress database, it adds what is missing (e.g. WooCommerce
 * tables) and leaves the site's tables, users and options alone. Plugin tables are checked at every run (not recorded
 * as migrations), so a plugin added to an existing site gets its tables.
 *
 * SQLite: migrations and seed run in one BEGIN IMMEDIATE transaction (SQLite DDL is transactional). MySQL: DDL
 * commits by itself, so the tables are created on their own connection while this one holds GET_LOCK, and the seed
 * is one transaction after them. The migration history lives in `{prefix}wc_host_migrations`.
 */
export async function migrate(db: Db, logger: Logger, seedOptions: SeedOptions = {}): Promise<MigrateResult> {
  return db.transaction(
    async (tx) => {
      const createdTables: string[] = [];
      for (const { plugin, tables } of pluginTablesOf(tx.dataSource)) {
        const created = await createTablesOnOwnRunner(tx, tables);
        for (const table of created) logger.debug('Created table', { table, plugin });
        createdTables.push(...created);
      }
      const executed = await tx.dataSource.runMigrations({ transaction: 'none' });
      for (const { instance } of executed) {
        if (!(instance instanceof TableCreatingMigration)) continue;
        for (const table of instance.createdTables) logger.debug('Created table', { table });
        createdTables.push(...instance.createdTables);
      }
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

/** Runs createMissingTables as the migrations run: on a runner of the DataSource (SQLite: its one connection). */
async function createTablesOnOwnRunner(tx: Db, tables: Parameters<typeof createMissingTables>[1]): Promise<string[]> {
  const runner = tx.dataSource.createQueryRunner();
  try {
    return await createMissingTables(runner, tables);
  } finally {
    await runner.release();
  }
}
