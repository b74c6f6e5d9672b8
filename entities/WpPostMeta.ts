import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MysqlType } from './MysqlType';

/** `{prefix}postmeta`. The MySQL index on meta_key covers its first 191 characters. */
@Entity('postmeta')
@Index('post_id', ['post_id'])
@Index('meta_key', ['meta_key'])
export class WpPostMeta {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  meta_id!: number;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  post_id!: number;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  meta_key!: string | null;

  /** Maybe-serialized. */
  @Column({ type: 'text', nullable: true })
  @MysqlType('longtext')
  meta_value!: string | null;
}
