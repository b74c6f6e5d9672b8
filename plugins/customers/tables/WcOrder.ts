import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { WpDateColumn } from '../../../entities/WpDateColumn';

/**
 * `{prefix}wc_orders`, WooCommerce's HPOS orders table (OrdersTableDataStore::get_database_schema; MySQL key prefixes
 * billing_email(171) and (191)). `id` is no auto-increment: an order's id comes from the posts table, where
 * WooCommerce reserves it.
 */
@Entity('wc_orders')
@Index('status', ['status'])
@Index('date_created', ['date_created_gmt'])
@Index('customer_id_billing_email', ['customer_id', 'billing_email'])
@Index('billing_email', ['billing_email'])
@Index('type_status_date', ['type', 'status', 'date_created_gmt'])
@Index('parent_order_id', ['parent_order_id'])
@Index('date_updated', ['date_updated_gmt'])
export class WcOrder {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  currency!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  type!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  tax_amount!: string | null;

  @Column({ type: 'decimal', precision: 26, scale: 8, nullable: true })
  total_amount!: string | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  customer_id!: number | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  billing_email!: string | null;

  @WpDateColumn('date_created_gmt', { nullable: true })
  date_created_gmt!: string | null;

  @WpDateColumn('date_updated_gmt', { nullable: true })
  date_updated_gmt!: string | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  parent_order_id!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  payment_method!: string | null;

  @Column({ type: 'text', nullable: true })
  payment_method_title!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  transaction_id!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ip_address!: string | null;

  @Column({ type: 'text', nullable: true })
  user_agent!: string | null;

  @Column({ type: 'text', nullable: true })
  customer_note!: string | null;
}
