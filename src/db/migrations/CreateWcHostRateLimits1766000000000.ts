import { wcHostRateLimitsTable } from './tables/wcHostRateLimits';
import { TableCreatingMigration } from './TableCreatingMigration';

/** The shared failed-authentication counters (see tables/wcHostRateLimits.ts). */
export class CreateWcHostRateLimits1766000000000 extends TableCreatingMigration {
  readonly name = 'CreateWcHostRateLimits1766000000000';
  protected readonly tables = [wcHostRateLimitsTable];
}
