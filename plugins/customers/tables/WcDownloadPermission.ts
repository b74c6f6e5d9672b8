import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WpDateColumn } from '../../../entities/WpDateColumn';

/**
 * `{prefix}woocommerce_downloadable_product_permissions` (WooCommerce includes/class-wc-install.php get_schema()): one
 * row per (order, product, file) a customer may download. MySQL indexes use prefixes: order_key(16) in
 * download_order_key_product and user_email(100) in idx_user_email.
 */
@Entity('woocommerce_downloadable_product_permissions')
@Index('download_order_key_product', ['product_id', 'order_id', 'order_key', 'download_id'])
@Index('download_order_product', ['download_id', 'order_id', 'product_id'])
@Index('order_id', ['order_id'])
@Index('user_order_remaining_expires', ['user_id', 'order_id', 'downloads_remaining', 'access_expires'])
@Index('idx_user_email', ['user_email'])
export class WcDownloadPermission {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  permission_id!: number;

  @Column({ type: 'varchar', length: 36 })
  download_id!: string;

  @Column({ type: 'bigint', unsigned: true })
  product_id!: number;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  order_id!: number;

  @Column({ type: 'varchar', length: 200 })
  order_key!: string;

  @Column({ type: 'varchar', length: 200 })
  user_email!: string;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  user_id!: number | null;

  /** The stored string: '' means unlimited. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  downloads_remaining!: string | null;

  @WpDateColumn('access_granted')
  access_granted!: string;

  /** The stored `Y-m-d H:i:s`, or null for no expiry. */
  @WpDateColumn('access_expires', { nullable: true })
  access_expires!: string | null;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  download_count!: number;
}
