import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { wpDateColumn } from './wpDateColumn';

/**
 * `{prefix}woocommerce_downloadable_product_permissions`: one row per (order, product, file) a customer may download.
 * MySQL indexes use prefixes: order_key(16) in download_order_key_product and user_email(100) in idx_user_email.
 */
@Entity('woocommerce_downloadable_product_permissions')
@Index('download_order_key_product', ['productId', 'orderId', 'orderKey', 'downloadId'])
@Index('download_order_product', ['downloadId', 'orderId', 'productId'])
@Index('order_id', ['orderId'])
@Index('user_order_remaining_expires', ['userId', 'orderId', 'downloadsRemaining', 'accessExpires'])
@Index('idx_user_email', ['userEmail'])
export class WpDownloadPermission {
  @PrimaryGeneratedColumn({ name: 'permission_id', type: 'bigint', unsigned: true })
  permissionId!: number;

  @Column({ name: 'download_id', type: 'varchar', length: 36 })
  downloadId!: string;

  @Column({ name: 'product_id', type: 'bigint', unsigned: true })
  productId!: number;

  @Column({ name: 'order_id', type: 'bigint', unsigned: true, default: 0 })
  orderId!: number;

  @Column({ name: 'order_key', type: 'varchar', length: 200 })
  orderKey!: string;

  @Column({ name: 'user_email', type: 'varchar', length: 200 })
  userEmail!: string;

  @Column({ name: 'user_id', type: 'bigint', unsigned: true, nullable: true })
  userId!: number | null;

  /** '' means unlimited. */
  @Column({ name: 'downloads_remaining', type: 'varchar', length: 9, nullable: true })
  downloadsRemaining!: string | null;

  @Column(wpDateColumn('access_granted'))
  accessGranted!: string;

  @Column(wpDateColumn('access_expires', { nullable: true }))
  accessExpires!: string | null;

  @Column({ name: 'download_count', type: 'bigint', unsigned: true, default: 0 })
  downloadCount!: number;
}
