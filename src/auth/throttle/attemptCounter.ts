import type { DataSource } from 'typeorm';
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { dialectOf } from '../../db/dialect';
import { createDb } from '../../db/createDb';
import { SqliteDbRateLimiter } from './sqliteDbRateLimiter';

export interface AttemptLimit {
  /** Attempts allowed within `windowSeconds`; the next one blocks. 0: no limit. */
  attempts: number;
  windowSeconds: number;
  /** How long a key stays blocked once over the limit. */
  blockSeconds: number;
}

/** Counts attempts per key (failed authentications of an address, requests of an API key) and says how long a key is blocked. */
export interface AttemptCounter {
  /** Milliseconds this key stays blocked, as this process knows it (no database read; 0: not blocked). */
  blockedForMs(key: string): number;
  /** Counts one attempt; resolves with the milliseconds the key is now blocked for (0: still under the limit). */
  count(key: string): Promise<number>;
}

/** What both limiters are made with. */
interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
}

/** Blocked keys remembered at most (expired ones are dropped first): a flood of addresses costs bounded memory. */
const REMEMBERED_BLOCKS = 10_000;

/**
 * rate-limiter-flexible's limiter for one kind of key. The counts live in `{prefix}wc_host_rate_limits`, so every
 * process on the database shares them (RateLimiterMySQL; on SQLite the same upsert through the Db, see
 * sqliteDbRateLimiter.ts); if that table cannot be written, the process's memory counts instead. Blocks are also
 * remembered here, so a blocked client costs no query.
 */
export function createAttemptCounter(
  dataSource: DataSource,
  tablePrefix: string,
  name: string,
  limit: AttemptLimit,
): AttemptCounter {
  if (limit.attempts <= 0) return { blockedForMs: () => 0, count: async () => 0 };
  const options: LimiterOptions = {
    keyPrefix: `wc_host_${name}`,
    // The attempt that reaches the limit is still answered; it blocks the ones after it.
    points: limit.attempts - 1,
    duration: limit.windowSeconds,
    blockDuration: limit.blockSeconds,
  };
  const memory = new RateLimiterMemory(options);
  const limiter: RateLimiterAbstract = sharedLimiter(dataSource, tablePrefix, options, memory) ?? memory;
  const blockedUntil = new Map<string, number>();

  return {
    blockedForMs(key) {
      const until = blockedUntil.get(key);
      if (until === undefined) return 0;
      const left = until - Date.now();
      if (left <= 0) blockedUntil.delete(key);
      return Math.max(0, left);
    },
    async count(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const ms = Math.max(1, rejection.msBeforeNext);
        remember(blockedUntil, key, Date.now() + ms);
        return ms;
      }
    },
  };
}

/** The limiter whose counts every process on the database shares, or null when there is none to share through. */
function sharedLimiter(
  dataSource: DataSource,
  tablePrefix: string,
  options: LimiterOptions,
  memory: RateLimiterMemory,
): RateLimiterAbstract | null {
  if (dialectOf(dataSource) === 'mysql') {
    const pool = mysqlPoolOf(dataSource);
    return pool ? mysqlLimiter(pool, dataSource, tablePrefix, options, memory) : null;
  }
  const connection = (dataSource.driver as unknown as { databaseConnection?: unknown }).databaseConnection;
  if (typeof connection !== 'object' || connection === null) return null;
  return new SqliteDbRateLimiter({
    ...options,
    db: createDb(dataSource, tablePrefix),
    connection,
    insuranceLimiter: memory,
  });
}

/** mysql2's (callback) pool that TypeORM's MysqlDriver keeps as `pool` (none under replication: then memory counts). */
function mysqlPoolOf(dataSource: DataSource): object | null {
  const pool = (dataSource.driver as unknown as { pool?: unknown }).pool;
  return typeof pool === 'object' && pool !== null ? pool : null;
}

function mysqlLimiter(
  pool: object,
  dataSource: DataSource,
  tablePrefix: string,
  options: LimiterOptions,
  insurance: RateLimiterMemory,
): RateLimiterMySQL {
  const database = (dataSource.driver as unknown as { database?: string }).database ?? dataSource.options.database;
  // The limiter borrows one of the pool's connections per count.
  return new RateLimiterMySQL({
    ...options,
    storeClient: pool,
    storeType: 'pool',
    dbName: String(database ?? ''),
    tableName: `${tablePrefix}wc_host_rate_limits`,
    tableCreated: true,
    // Every 5 minutes, rows expired over an hour ago are deleted (an unref'd timer: it keeps no process alive).
    clearExpiredByTimeout: true,
    insuranceLimiter: insurance,
  });
}

function remember(blockedUntil: Map<string, number>, key: string, until: number): void {
  if (blockedUntil.size >= REMEMBERED_BLOCKS) {
    const now = Date.now();
    for (const [other, otherUntil] of blockedUntil) if (otherUntil <= now) blockedUntil.delete(other);
    if (blockedUntil.size >= REMEMBERED_BLOCKS) blockedUntil.delete(blockedUntil.keys().next().value as string);
  }
  blockedUntil.set(key, until);
}
