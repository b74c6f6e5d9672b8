import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `{prefix}wc_orders_meta`, WooCommerce's HPOS order meta (OrdersTableDataStore::get_database_schema; MySQL key
 * prefixes meta_key(100) and meta_value(82)).
 */
@Entity('wc_orders_meta')
@Index('meta_key_value', ['meta_key', 'meta_value'])
@Index('order_id_meta_key_meta_value', ['order_id', 'meta_key', 'meta_value'])
export class WcOrderMeta {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  order_id!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  meta_key!: string | null;

  @Column({ type: 'text', nullable: true })
  meta_value!: string | null;
}
