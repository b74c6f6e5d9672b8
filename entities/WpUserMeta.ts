import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MysqlType } from './MysqlType';

/**
 * `{prefix}usermeta`. `meta_value` holds strings as they are and arrays PHP-serialized (see src/wp/phpSerialize.ts).
 * The MySQL index on meta_key covers its first 191 characters (a prefix length TypeORM cannot express).
 */
@Entity('usermeta')
@Index('user_id', ['user_id'])
@Index('meta_key', ['meta_key'])
export class WpUserMeta {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  umeta_id!: number;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  user_id!: number;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  meta_key!: string | null;

  @Column({ type: 'text', nullable: true })
  @MysqlType('longtext')
  meta_value!: string | null;
}
