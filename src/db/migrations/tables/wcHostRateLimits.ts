import type { TableDefinition } from '../../tableDefinition';
import { WcHostRateLimit } from '../../../../entities/WcHostRateLimit';

/**
 * Failed-authentication counters shared by every wc-host process on one MySQL/MariaDB database (see
 * src/auth/throttle/): the columns, in this order, are the ones rate-limiter-flexible's RateLimiterMySQL writes.
 * SQLite keeps the counters in the process's memory, so there is no table.
 */
export const wcHostRateLimitsTable: TableDefinition = {
  entity: WcHostRateLimit,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  \`key\` varchar(191) NOT NULL,
  points int NOT NULL DEFAULT 0,
  expire bigint unsigned DEFAULT NULL,
  PRIMARY KEY  (\`key\`)
) ${charsetCollate}`,
  // Not on SQLite: no statements.
  sqlite: () => [],
};
