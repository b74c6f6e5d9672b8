import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WpDateColumn } from '../../../entities/WpDateColumn';

/**
 * `{prefix}wc_order_operational_data`, WooCommerce's HPOS operational data (order key, dates paid/completed…;
 * OrdersTableDataStore::get_database_schema).
 */
@Entity('wc_order_operational_data')
@Index('order_id', ['order_id'], { unique: true })
@Index('order_key', ['order_key'])
export class WcOrderOperationalData {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  order_id!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  created_via!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  woocommerce_version!: string | null;

  @Column({ type: 'tinyint', nullable: true })
  prices_include_tax!: number | null;

  @Column({ type: 'tinyint', nullable: true })
  coupon_usages_are_counted!: number | null;

  @Column({ type: 'tinyint', nullable: true })
  download_permission_granted!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cart_hash!: string | null;

  @Column({ type: 'tinyint', nullable: true })
  new_order_email_sent!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  order_key!: string | null;

  @Column({ type: 'tinyint', nullable: true })
  order_stock_reduced!: number | null;

  @WpDateColumn('date_paid_gmt', { nullable: true })
  date_paid_gmt!: string | null;

  @WpDateColumn('date_completed_gmt', { nullable: true })
  date_completed_gmt!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  shipping_tax_amount!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  shipping_total_amount!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  discount_tax_amount!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  discount_total_amount!: string | null;

  @Column({ type: 'tinyint', nullable: true })
  recorded_sales!: number | null;
}
