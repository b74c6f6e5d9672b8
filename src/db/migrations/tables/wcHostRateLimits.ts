import type { TableDefinition } from '../../tableDefinition';
import { WcHostRateLimit } from '../../../../entities/WcHostRateLimit';

/**
 * Failed-authentication counters shared by every wc-host process on one database (see src/auth/throttle/): the
 * columns, in this order, are the ones rate-limiter-flexible's RateLimiterMySQL and RateLimiterSQLite write.
 */
export const wcHostRateLimitsTable: TableDefinition = {
  entity: WcHostRateLimit,
  mysql: (table, charsetCollate) => `CREATE TABLE \`${table}\` (
  \`key\` varchar(191) NOT NULL,
  points int NOT NULL DEFAULT 0,
  expire bigint unsigned DEFAULT NULL,
  PRIMARY KEY  (\`key\`)
) ${charsetCollate}`,
  sqlite: (table) => [
    `CREATE TABLE "${table}" ("key" varchar(191) NOT NULL PRIMARY KEY, "points" int NOT NULL DEFAULT 0, "expire" bigint DEFAULT NULL)`,
  ],
};
