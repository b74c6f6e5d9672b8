/**
 * The DataSource the TypeORM CLI uses, built from the same environment as wc-host:
 *   DATABASE_URL=mysql://user:pass@host/db DB_TABLE_PREFIX=wp_ \
 *     npx typeorm-ts-node-commonjs migration:run -d ormconfig.ts
 * It carries wc-host's own migrations (WordPress core's tables and wc-host's), so `migration:show`/`migration:run` see
 * those; plugins' tables (WooCommerce's among them) are created by `npx wc-host migrate` and at start-up.
 * The CLI only creates the missing tables; seeding a new database happens when wc-host itself migrates it.
 * Don't use `migration:generate` against a WordPress database: entities declare DATETIME columns as varchar (see
 * entities/WpDateColumn.ts), so TypeORM would propose ALTERs of WordPress's own tables.
 */
import { DEFAULT_DATABASE_URL } from './src/config/databaseUrl';
import { createDataSource } from './src/db/createDataSource';

export default createDataSource({
  url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  tablePrefix: process.env.DB_TABLE_PREFIX ?? 'wp_',
});
