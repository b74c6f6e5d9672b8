import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `{prefix}wc_order_addresses`, WooCommerce's HPOS order addresses (OrdersTableDataStore::get_database_schema; MySQL
 * key prefix email(191)).
 */
@Entity('wc_order_addresses')
@Index('order_id', ['order_id'])
@Index('address_type_order_id', ['address_type', 'order_id'], { unique: true })
@Index('email', ['email'])
@Index('phone', ['phone'])
export class WcOrderAddress {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true })
  order_id!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  address_type!: string | null;

  @Column({ type: 'text', nullable: true })
  first_name!: string | null;

  @Column({ type: 'text', nullable: true })
  last_name!: string | null;

  @Column({ type: 'text', nullable: true })
  company!: string | null;

  @Column({ type: 'text', nullable: true })
  address_1!: string | null;

  @Column({ type: 'text', nullable: true })
  address_2!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ type: 'text', nullable: true })
  country!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  phone!: string | null;
}
