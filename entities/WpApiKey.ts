import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { wpDateColumn } from './wpDateColumn';

/**
 * `{prefix}woocommerce_api_keys`. `consumer_key` is hex HMAC-SHA256('wc-api', plain key); `consumer_secret` is the
 * plain secret; `nonces` is a PHP-serialized map timestamp ⇒ nonce.
 */
@Entity('woocommerce_api_keys')
@Index('consumer_key', ['consumerKey'])
@Index('consumer_secret', ['consumerSecret'])
export class WpApiKey {
  @PrimaryGeneratedColumn({ name: 'key_id', type: 'bigint', unsigned: true })
  keyId!: number;

  @Column({ name: 'user_id', type: 'bigint', unsigned: true })
  userId!: number;

  @Column({ name: 'description', type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  /** 'read', 'write' or 'read_write'. */
  @Column({ name: 'permissions', type: 'varchar', length: 10 })
  permissions!: string;

  /** CHAR(64) in the table; `varchar` here because TypeORM's SQLite driver has no `char`. */
  @Column({ name: 'consumer_key', type: 'varchar', length: 64 })
  consumerKey!: string;

  /** CHAR(43) in the table. */
  @Column({ name: 'consumer_secret', type: 'varchar', length: 43 })
  consumerSecret!: string;

  /** LONGTEXT on MySQL. */
  @Column({ name: 'nonces', type: 'text', nullable: true })
  nonces!: string | null;

  /** CHAR(7) in the table. */
  @Column({ name: 'truncated_key', type: 'varchar', length: 7 })
  truncatedKey!: string;

  /** Site-local time of the last authenticated request. */
  @Column(wpDateColumn('last_access', { nullable: true }))
  lastAccess!: string | null;
}
