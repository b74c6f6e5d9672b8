import { parseDatabaseUrl } from '../../config/databaseUrl';

/** Read replicas (README.md, "Read replicas"); no URLs: every statement goes to DATABASE_URL, as without this. */
export interface ReplicaSettings {
  /** DATABASE_REPLICA_URLS: mysql:// URLs of asynchronous replicas of DATABASE_URL. */
  urls: string[];
  /** WC_HOST_REPLICA_MAX_LAG_SECONDS: a replica further behind (Seconds_Behind_Master) is taken out. */
  maxLagSeconds: number;
  /** WC_HOST_REPLICA_WAIT_MS: how long a read waits for a replica to reach its key's last write, else the primary reads. */
  waitMs: number;
  /** WC_HOST_REPLICA_CHECK_INTERVAL_MS: how often each replica's lag is checked (a replica taken out comes back then). */
  checkIntervalMs: number;
}

export const DEFAULT_REPLICA_SETTINGS: Readonly<ReplicaSettings> = {
  urls: [],
  maxLagSeconds: 5,
  waitMs: 250,
  checkIntervalMs: 1000,
};

/** DATABASE_REPLICA_URLS as a list; an error names the item that is not a mysql:// URL, never the URL (a password). */
export function parseReplicaUrls(value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  urls.forEach((url, index) => {
    let dialect: string;
    try {
      dialect = parseDatabaseUrl(url).dialect;
    } catch (error) {
      throw new Error(
        `DATABASE_REPLICA_URLS item ${index + 1}: ${error instanceof Error ? error.message.replace(/DATABASE_URL/g, 'a replica URL') : String(error)}`,
        {
          cause: error,
        },
      );
    }
    if (dialect !== 'mysql') {
      throw new Error(
        `DATABASE_REPLICA_URLS item ${index + 1} must be a mysql:// (or mariadb://) URL of a replica of DATABASE_URL`,
      );
    }
  });
  return urls;
}

/** Read replicas follow a MySQL/MariaDB primary through its binary log; a SQLite file has no replicas. */
export function refuseReplicasOfSqlite(primaryUrl: string, replicaUrls: readonly string[]): void {
  if (replicaUrls.length === 0 || parseDatabaseUrl(primaryUrl).dialect !== 'sqlite') return;
  throw new Error(
    'DATABASE_REPLICA_URLS is set but DATABASE_URL is SQLite, which has no replication: read replicas need a ' +
      'MySQL/MariaDB primary (DATABASE_URL=mysql://…). Unset DATABASE_REPLICA_URLS to run on SQLite.',
  );
}
