import { RateLimiterSQLite, type RateLimiterMemory } from 'rate-limiter-flexible';
import type { Db } from '../../db/types';

/** What RateLimiterSQLite's `_getRateLimiterRes` reads from a stored row. */
interface StoredCount {
  points: number;
  expire: number | null;
}

export interface SqliteDbRateLimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
  /** The SQLite file's counters table, `{prefix}wc_host_rate_limits`. */
  db: Db;
  /** better-sqlite3's handle of that same connection: RateLimiterSQLite checks it is one, never uses it here. */
  connection: object;
  insuranceLimiter: RateLimiterMemory;
}

/**
 * rate-limiter-flexible's RateLimiterSQLite, its statements run through wc-host's Db instead of straight on the
 * connection: the Db makes a write wait its turn behind a transaction this process has open on the one SQLite
 * connection (better-sqlite3's own transaction would otherwise nest inside it, and be rolled back with it) and takes
 * SQLite's write lock, which every process on the file queues for (BEGIN IMMEDIATE). The counts are thereby shared by
 * every wc-host process on the file, as RateLimiterMySQL's are on a MySQL database. Same SQL, same table layout.
 */
export class SqliteDbRateLimiter extends RateLimiterSQLite {
  private readonly db: Db;
  private readonly table: string;

  constructor(options: SqliteDbRateLimiterOptions) {
    const table = options.db.table('wc_host_rate_limits');
    super({
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.duration,
      blockDuration: options.blockDuration,
      storeClient: options.connection,
      storeType: 'better-sqlite3',
      tableName: `${options.db.prefix}wc_host_rate_limits`,
      tableCreated: true,
      // Every 5 minutes, rows expired over an hour ago are deleted (an unref'd timer: it keeps no process alive).
      clearExpiredByTimeout: true,
      insuranceLimiter: options.insuranceLimiter,
    });
    this.db = options.db;
    this.table = table;
  }

  /** RateLimiterSQLite's upsert (points added within the window, reset after it), in one write transaction. */
  async _upsertTransaction(
    key: string,
    points: number,
    msDuration: number,
    forceExpire: boolean,
  ): Promise<StoredCount> {
    const now = Date.now();
    const expire = msDuration > 0 ? now + msDuration : null;
    const [sql, params] = forceExpire
      ? [
          `INSERT OR REPLACE INTO ${this.table} ("key", points, expire) VALUES (?, ?, ?) RETURNING points, expire`,
          [key, points, expire],
        ]
      : [
          `INSERT INTO ${this.table} ("key", points, expire) VALUES (?, ?, ?)
           ON CONFLICT("key") DO UPDATE SET
             points = CASE WHEN expire IS NULL OR expire > ? THEN points + excluded.points ELSE excluded.points END,
             expire = CASE WHEN expire IS NULL OR expire > ? THEN expire ELSE excluded.expire END
           RETURNING points, expire`,
          [key, points, expire, now, now],
        ];
    const [row] = await this.db.transaction((tx) => tx.query<StoredCount>(sql, params));
    return row;
  }

  async _get(key: string): Promise<StoredCount | null> {
    const rows = await this.db.query<StoredCount>(
      `SELECT points, expire FROM ${this.table} WHERE "key" = ? AND (expire > ? OR expire IS NULL)`,
      [key, Date.now()],
    );
    return rows[0] ?? null;
  }

  async _delete(key: string): Promise<boolean> {
    return (await this.db.execute(`DELETE FROM ${this.table} WHERE "key" = ?`, [key])).affectedRows > 0;
  }

  async clearExpired(beforeMs: number): Promise<void> {
    // After the host closed, the timer may still fire once: nothing to clear then.
    await this.db.execute(`DELETE FROM ${this.table} WHERE expire < ?`, [beforeMs]).catch(() => undefined);
  }
}
