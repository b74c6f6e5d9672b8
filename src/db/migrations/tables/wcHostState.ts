import type { TableDefinition } from '../../tableDefinition';
import { WcHostState } from '../../../../entities/WcHostState';

/**
 * wc-host's own facts about a database (not a WordPress table), e.g. `created_by` = `wc-host` on a database whose
 * WordPress tables wc-host created: there it may add its indexes without being asked (see src/host/databaseIndexes.ts).
 */
export const wcHostStateTable: TableDefinition = {
  entity: WcHostState,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  name varchar(191) NOT NULL,
  value longtext NOT NULL,
  PRIMARY KEY  (name)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" ("name" varchar(191) NOT NULL PRIMARY KEY COLLATE NOCASE, "value" TEXT NOT NULL)`,
  ],
};
