import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MysqlType } from './MysqlType';

/**
 * `{prefix}options`. `autoload` is 'on'/'off'/'auto'/'auto-on'/'auto-off' since WordPress 6.6 ('yes'/'no' before).
 */
@Entity('options')
@Index('option_name', ['option_name'], { unique: true })
@Index('autoload', ['autoload'])
export class WpOption {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  option_id!: number;

  @Column({ type: 'varchar', length: 191, default: '' })
  option_name!: string;

  /** Maybe-serialized. */
  @Column({ type: 'text' })
  @MysqlType('longtext')
  option_value!: string;

  @Column({ type: 'varchar', length: 20, default: 'yes' })
  autoload!: string;
}
