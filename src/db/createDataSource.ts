import type { Database } from 'better-sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { wcHostEntities } from '../../entities';
import { TablePrefixNamingStrategy } from '../../entities/tablePrefix';
import { parseDatabaseUrl } from '../config/databaseUrl';
import { serverAddress } from './mysql/serverAddress';
import { wcHostMigrations } from './migrations';
import type { Timeouts } from '../config/timeouts';
import type { Plugin } from '../host/types';
import { rememberPluginTables } from './pluginTables';
import { mysql2Driver } from './mysql/driver';
import { MYSQL_CONNECTION_OPTIONS, MYSQL_POOL_SIZE } from './mysql/connectionOptions';
import { registerSqliteFunctions } from './sqlite/sqliteFunctions';
import { sqliteBusyTimeoutMs } from './sqlite/busyTimeout';

export interface CreateDataSourceOptions {
  /** DATABASE_URL: `sqlite:<path>`, `sqlite::memory:` or `mysql://user:pass@host:port/db` (`mariadb://` too). */
  url: string;
  /** WordPress's `$table_prefix`, e.g. `wp_`. */
  tablePrefix: string;
  /**
   * The plugins to load, in load order: their tables' entities are mapped, migrate() creates their missing tables and
   * runs their migrations (see Plugin.tables and Plugin.migrations in src/host/types.ts).
   */
  plugins?: readonly Pick<Plugin, 'name' | 'tables' | 'migrations'>[];
  /** The database limits (see config/timeouts.ts); a limit left out keeps the driver's default (none, or mysql2's 10 s connect). */
  timeouts?: Partial<Pick<Timeouts, 'dbConnectMs' | 'dbAcquireMs' | 'dbQueryMs'>>;
}

/**
 * A TypeORM DataSource (not yet initialized) over WordPress's tables. Nothing is synchronized or migrated
 * automatically: call migrate() (src/db/migrate.ts), which only ever creates missing tables.
 *
 * SQLite runs in WAL mode with a 5 s busy timeout (shorter when `timeouts.dbQueryMs` is). MySQL/MariaDB connections use
 * utf8mb4 (collation utf8mb4_unicode_520_ci), return DATETIME values as 'YYYY-MM-DD HH:MM:SS' strings, read BIGINT ids
 * as numbers, drop the sql_modes WordPress drops (see wordPressSqlMode.ts) and keep to `timeouts` (see mysql/driver.ts).
 */
export function createDataSource({
  url,
  tablePrefix,
  plugins = [],
  timeouts = {},
}: CreateDataSourceOptions): DataSource {
  const dataSource = newDataSource({ url, tablePrefix, plugins, timeouts });
  rememberPluginTables(
    dataSource,
    plugins.map((plugin) => ({ plugin: plugin.name, tables: plugin.tables ?? [] })),
  );
  return dataSource;
}

function newDataSource({ url, tablePrefix, plugins = [], timeouts = {} }: CreateDataSourceOptions): DataSource {
  const config = parseDatabaseUrl(url);
  const entities: DataSourceOptions['entities'] = [
    ...wcHostEntities,
    ...plugins.flatMap((plugin) => (plugin.tables ?? []).map((table) => table.entity)),
  ];
  const migrations: DataSourceOptions['migrations'] = [
    ...wcHostMigrations,
    ...plugins.flatMap((plugin) => plugin.migrations ?? []),
  ];
  const common = {
    entities,
    namingStrategy: new TablePrefixNamingStrategy(tablePrefix),
    migrations,
    migrationsTableName: `${tablePrefix}wc_host_migrations`,
    // DDL commits implicitly on MySQL anyway; migrate() supplies the transaction and lock (see migrate.ts).
    migrationsTransactionMode: 'none',
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;

  if (config.dialect === 'sqlite') {
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: config.path,
      prepareDatabase(database: Database) {
        // busy_timeout first: switching to WAL takes a lock another process starting up may hold. WAL lets readers in
        // other processes work while this one writes; busy_timeout makes writers queue up.
        database.pragma(`busy_timeout = ${sqliteBusyTimeoutMs(timeouts.dbQueryMs)}`);
        database.pragma('journal_mode = WAL');
        registerSqliteFunctions(database);
      },
    });
  }
  return new DataSource({
    ...common,
    type: config.flavor,
    ...serverAddress(config),
    username: config.user,
    password: config.password,
    database: config.database,
    driver: mysql2Driver({ acquireTimeoutMs: timeouts.dbAcquireMs ?? 0, statementTimeoutMs: timeouts.dbQueryMs ?? 0 }),
    ...(timeouts.dbConnectMs === undefined ? {} : { connectTimeout: timeouts.dbConnectMs }),
    ...MYSQL_CONNECTION_OPTIONS,
    poolSize: MYSQL_POOL_SIZE,
  });
}
