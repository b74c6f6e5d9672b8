import * as mysql2 from 'mysql2';
import type { Connection, ConnectionOptions } from 'mysql2';
import { describeDatabaseFailure } from '../outage/databaseUnavailable';
import { judgeReplicaStatus, type ReplicaHealth } from './replicaHealth';

/** MySQL/MariaDB's "you have an error in your SQL syntax": SHOW REPLICA STATUS before MariaDB 10.5 / MySQL 8.0.22. */
const ER_PARSE_ERROR = 1064;
/** "Access denied; you need (at least one of) the … privilege(s)". */
const ER_SPECIFIC_ACCESS_DENIED = 1227;

/** Asks one replica how it is doing, over a connection of its own (so a busy read pool cannot delay the answer). */
export interface ReplicaCheck {
  check(): Promise<ReplicaHealth>;
  close(): void;
}

/**
 * `SHOW REPLICA STATUS` on the replica, judged against `maxLagSeconds` (see replicaHealth.ts); a replica that does
 * not answer within `timeoutMs` — down, unreachable, frozen — is unusable, and its connection is dropped and made
 * anew by the next check. The user needs SLAVE MONITOR (MariaDB 10.5.9+), REPLICATION CLIENT (MySQL) or SUPER.
 */
export function createReplicaCheck(options: ConnectionOptions, maxLagSeconds: number, timeoutMs: number): ReplicaCheck {
  let connection: Connection | null = null;
  let statement = 'SHOW REPLICA STATUS';

  const drop = (): void => {
    connection?.destroy();
    connection = null;
  };
  const query = (target: Connection, sql: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      target.query({ sql, timeout: timeoutMs }, (error, rows) =>
        error ? reject(error) : resolve(rows as Record<string, unknown>[]),
      );
    });

  return {
    async check() {
      try {
        if (!connection) {
          const fresh = mysql2.createConnection({ ...options, connectTimeout: timeoutMs });
          // Failures reach the query's callback; without a listener a broken idle connection would throw.
          fresh.on('error', () => undefined);
          connection = fresh;
        }
        let rows: Record<string, unknown>[];
        try {
          rows = await query(connection, statement);
        } catch (error) {
          if ((error as { errno?: unknown }).errno !== ER_PARSE_ERROR || statement !== 'SHOW REPLICA STATUS')
            throw error;
          statement = 'SHOW SLAVE STATUS';
          rows = await query(connection, statement);
        }
        return judgeReplicaStatus(rows, maxLagSeconds);
      } catch (error) {
        drop();
        if ((error as { errno?: unknown }).errno === ER_SPECIFIC_ACCESS_DENIED) {
          return {
            usable: false,
            reason:
              'its user may not read the replication status: grant it SLAVE MONITOR (MariaDB) or REPLICATION CLIENT (MySQL)',
          };
        }
        return { usable: false, reason: `it does not answer (${describeDatabaseFailure(error)})` };
      }
    },
    close: drop,
  };
}
