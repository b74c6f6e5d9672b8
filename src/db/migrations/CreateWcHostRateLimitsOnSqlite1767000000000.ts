import { wcHostRateLimitsTable } from './tables/wcHostRateLimits';
import { TableCreatingMigration } from './TableCreatingMigration';

/**
 * The shared failed-authentication counters on SQLite too, where CreateWcHostRateLimits1766000000000 created nothing
 * (they used to be kept in each process's memory). On MySQL the table exists already and this does nothing.
 */
export class CreateWcHostRateLimitsOnSqlite1767000000000 extends TableCreatingMigration {
  readonly name = 'CreateWcHostRateLimitsOnSqlite1767000000000';
  protected readonly tables = [wcHostRateLimitsTable];
}
