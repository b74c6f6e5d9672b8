import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `{prefix}wc_host_rate_limits`: failed-authentication counters shared by every wc-host process on one MySQL/MariaDB
 * database (see src/auth/throttle/); the columns, in this order, are the ones rate-limiter-flexible's RateLimiterMySQL
 * writes. SQLite keeps the counters in the process's memory, so there the table is never created.
 */
@Entity('wc_host_rate_limits')
export class WcHostRateLimit {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key!: string;

  @Column({ type: 'int', default: 0 })
  points!: number;

  @Column({ type: 'bigint', unsigned: true, nullable: true, default: null })
  expire!: number | null;
}
