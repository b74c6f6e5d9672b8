import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `{prefix}options`. `autoload` is 'on'/'off'/'auto'/'auto-on'/'auto-off' since WordPress 6.6 ('yes'/'no' before).
 */
@Entity('options')
@Index('option_name', ['optionName'], { unique: true })
@Index('autoload', ['autoload'])
export class WpOption {
  @PrimaryGeneratedColumn({ name: 'option_id', type: 'bigint', unsigned: true })
  optionId!: number;

  @Column({ name: 'option_name', type: 'varchar', length: 191, default: '' })
  optionName!: string;

  /** LONGTEXT on MySQL; maybe-serialized. */
  @Column({ name: 'option_value', type: 'text' })
  optionValue!: string;

  @Column({ name: 'autoload', type: 'varchar', length: 20, default: 'yes' })
  autoload!: string;
}
