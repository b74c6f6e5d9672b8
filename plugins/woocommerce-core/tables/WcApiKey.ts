import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MysqlType } from '../../../entities/MysqlType';
import { WpDateColumn } from '../../../entities/WpDateColumn';

/**
 * `{prefix}woocommerce_api_keys` (WooCommerce includes/class-wc-install.php get_schema()). `consumer_key` is hex
 * HMAC-SHA256('wc-api', plain key); `consumer_secret` is the plain secret; `nonces` is a PHP-serialized map
 * timestamp ⇒ nonce.
 */
@Entity('woocommerce_api_keys')
@Index('consumer_key', ['consumer_key'])
@Index('consumer_secret', ['consumer_secret'])
export class WcApiKey {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  key_id!: number;

  @Column({ type: 'bigint', unsigned: true })
  user_id!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  /** 'read', 'write' or 'read_write'. */
  @Column({ type: 'varchar', length: 10 })
  permissions!: string;

  @Column({ type: 'varchar', length: 64 })
  @MysqlType('char')
  consumer_key!: string;

  @Column({ type: 'varchar', length: 43 })
  @MysqlType('char')
  consumer_secret!: string;

  @Column({ type: 'text', nullable: true })
  @MysqlType('longtext')
  nonces!: string | null;

  @Column({ type: 'varchar', length: 7 })
  @MysqlType('char')
  truncated_key!: string;

  /** Site-local time of the last authenticated request. */
  @WpDateColumn('last_access', { nullable: true })
  last_access!: string | null;
}
