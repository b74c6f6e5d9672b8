import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `{prefix}postmeta`. The MySQL index on meta_key covers its first 191 characters. */
@Entity('postmeta')
@Index('post_id', ['postId'])
@Index('meta_key', ['metaKey'])
export class WpPostMeta {
  @PrimaryGeneratedColumn({ name: 'meta_id', type: 'bigint', unsigned: true })
  metaId!: number;

  @Column({ name: 'post_id', type: 'bigint', unsigned: true, default: 0 })
  postId!: number;

  @Column({ name: 'meta_key', type: 'varchar', length: 255, nullable: true, default: null })
  metaKey!: string | null;

  /** LONGTEXT on MySQL; maybe-serialized. */
  @Column({ name: 'meta_value', type: 'text', nullable: true })
  metaValue!: string | null;
}
