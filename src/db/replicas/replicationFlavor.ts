/**
 * The two GTID dialects: MariaDB's (domain-server-sequence lists, MASTER_GTID_WAIT) and MySQL's (uuid:interval sets,
 * WAIT_FOR_EXECUTED_GTID_SET). Both wait functions answer 0 once the replica has applied the position.
 */
export type ReplicationFlavor = 'mariadb' | 'mysql';

export function replicationFlavor(serverVersion: string): ReplicationFlavor {
  return /mariadb/i.test(serverVersion) ? 'mariadb' : 'mysql';
}

/** The primary's position after everything it has committed so far, as a SQL expression. */
export function positionExpression(flavor: ReplicationFlavor): string {
  return flavor === 'mariadb' ? '@@GLOBAL.gtid_binlog_pos' : '@@GLOBAL.gtid_executed';
}

/**
 * A statement answering `reached` = 1 once the replica has applied `position` (first parameter), waiting at most
 * `waitMs`. 0 ms only looks: MariaDB's MASTER_GTID_WAIT returns at once for a timeout of 0, MySQL's
 * WAIT_FOR_EXECUTED_GTID_SET would wait for ever, so MySQL then compares the sets instead.
 * https://mariadb.com/kb/en/master_gtid_wait/ · https://dev.mysql.com/doc/refman/8.0/en/gtid-functions.html
 */
export function waitForPosition(
  flavor: ReplicationFlavor,
  position: string,
  waitMs: number,
): { sql: string; values: unknown[] } {
  if (flavor === 'mariadb')
    return { sql: 'SELECT MASTER_GTID_WAIT(?, ?) = 0 AS reached', values: [position, waitMs / 1000] };
  if (waitMs <= 0) return { sql: 'SELECT GTID_SUBSET(?, @@GLOBAL.gtid_executed) AS reached', values: [position] };
  return { sql: 'SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?) = 0 AS reached', values: [position, waitMs / 1000] };
}
