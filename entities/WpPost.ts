import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MysqlType } from './MysqlType';
import { WpDateColumn } from './WpDateColumn';

/** `{prefix}posts`: products, orders (when HPOS is off), coupons, pages… The MySQL post_name index covers 191 chars. */
@Entity('posts')
@Index('post_name', ['post_name'])
@Index('type_status_date', ['post_type', 'post_status', 'post_date', 'ID'])
@Index('post_parent', ['post_parent'])
@Index('post_author', ['post_author'])
export class WpPost {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  ID!: number;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  post_author!: number;

  /** Site-local time. */
  @WpDateColumn('post_date')
  post_date!: string;

  @WpDateColumn('post_date_gmt')
  post_date_gmt!: string;

  @Column({ type: 'text' })
  @MysqlType('longtext')
  post_content!: string;

  @Column({ type: 'text' })
  post_title!: string;

  @Column({ type: 'text' })
  post_excerpt!: string;

  @Column({ type: 'varchar', length: 20, default: 'publish' })
  post_status!: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  comment_status!: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  ping_status!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  post_password!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  post_name!: string;

  @Column({ type: 'text' })
  to_ping!: string;

  @Column({ type: 'text' })
  pinged!: string;

  @WpDateColumn('post_modified')
  post_modified!: string;

  @WpDateColumn('post_modified_gmt')
  post_modified_gmt!: string;

  @Column({ type: 'text' })
  @MysqlType('longtext')
  post_content_filtered!: string;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  post_parent!: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  guid!: string;

  @Column({ type: 'int', default: 0 })
  menu_order!: number;

  @Column({ type: 'varchar', length: 20, default: 'post' })
  post_type!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  post_mime_type!: string;

  @Column({ type: 'bigint', default: 0 })
  comment_count!: number;
}
