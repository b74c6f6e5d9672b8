/** Whether a replica may serve reads, as its last check found. */
export type ReplicaHealth = { usable: true; lagSeconds: number } | { usable: false; reason: string };

/**
 * Judges `SHOW REPLICA STATUS` (MariaDB 10.5+ / MySQL 8.0.22+; `SHOW SLAVE STATUS` before): no row = not a replica;
 * a null lag = replication stopped or broken (its threads and last error say which); past `maxLagSeconds` = too far
 * behind. MySQL 8.0.22+ calls the lag Seconds_Behind_Source.
 */
export function judgeReplicaStatus(rows: readonly Record<string, unknown>[], maxLagSeconds: number): ReplicaHealth {
  const row = rows[0];
  if (!row) return { usable: false, reason: 'it is not a replica (SHOW REPLICA STATUS is empty)' };
  const lag = row.Seconds_Behind_Master ?? row.Seconds_Behind_Source;
  if (lag === null || lag === undefined || lag === '') {
    const io = row.Slave_IO_Running ?? row.Replica_IO_Running;
    const sql = row.Slave_SQL_Running ?? row.Replica_SQL_Running;
    const lastError = [row.Last_IO_Error, row.Last_SQL_Error]
      .filter((text) => typeof text === 'string' && text !== '')
      .join('; ');
    return {
      usable: false,
      reason: `replication is not running (IO thread: ${String(io)}, SQL thread: ${String(sql)}${lastError ? `; ${lastError}` : ''})`,
    };
  }
  const lagSeconds = Number(lag);
  if (!(lagSeconds <= maxLagSeconds)) {
    return {
      usable: false,
      reason: `it is ${lagSeconds} s behind the primary (WC_HOST_REPLICA_MAX_LAG_SECONDS=${maxLagSeconds})`,
    };
  }
  return { usable: true, lagSeconds };
}
