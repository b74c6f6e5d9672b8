import { CreateWordPressTables1764115200000 } from './CreateWordPressTables1764115200000';

export { TableCreatingMigration } from './TableCreatingMigration';

/** wc-host's migrations in order; createDataSource() and ormconfig.ts hand these to TypeORM. */
export const wcHostMigrations = [CreateWordPressTables1764115200000];
