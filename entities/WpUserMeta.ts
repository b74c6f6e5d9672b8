import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `{prefix}usermeta`. `meta_value` holds strings as they are and arrays PHP-serialized (see src/wp/phpSerialize.ts).
 * The MySQL index on meta_key covers its first 191 characters (a prefix length TypeORM cannot express).
 */
@Entity('usermeta')
@Index('user_id', ['userId'])
@Index('meta_key', ['metaKey'])
export class WpUserMeta {
  @PrimaryGeneratedColumn({ name: 'umeta_id', type: 'bigint', unsigned: true })
  umetaId!: number;

  @Column({ name: 'user_id', type: 'bigint', unsigned: true, default: 0 })
  userId!: number;

  @Column({ name: 'meta_key', type: 'varchar', length: 255, nullable: true, default: null })
  metaKey!: string | null;

  /** LONGTEXT on MySQL; `text` here because entities must validate on SQLite too. */
  @Column({ name: 'meta_value', type: 'text', nullable: true })
  metaValue!: string | null;
}
