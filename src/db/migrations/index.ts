import { CreateWordPressTables1764115200000 } from './CreateWordPressTables1764115200000';
import { CreateWcHostState1765000000000 } from './CreateWcHostState1765000000000';
import { CreateWcHostRateLimits1766000000000 } from './CreateWcHostRateLimits1766000000000';
import { CreateWcHostRateLimitsOnSqlite1767000000000 } from './CreateWcHostRateLimitsOnSqlite1767000000000';

export { TableCreatingMigration } from './TableCreatingMigration';

/** wc-host's migrations in order; createDataSource() and ormconfig.ts hand these to TypeORM. */
export const wcHostMigrations = [
  CreateWordPressTables1764115200000,
  CreateWcHostState1765000000000,
  CreateWcHostRateLimits1766000000000,
  CreateWcHostRateLimitsOnSqlite1767000000000,
];
