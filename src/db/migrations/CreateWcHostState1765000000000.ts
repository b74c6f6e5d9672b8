import { wcHostStateTable } from './tables/wcHostState';
import { TableCreatingMigration } from './TableCreatingMigration';

/** wc-host's own state table (see tables/wcHostState.ts). */
export class CreateWcHostState1765000000000 extends TableCreatingMigration {
  readonly name = 'CreateWcHostState1765000000000';
  protected readonly tables = [wcHostStateTable];
}
