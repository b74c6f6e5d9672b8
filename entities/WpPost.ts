import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { wpDateColumn } from './wpDateColumn';

/** `{prefix}posts`: products, orders (when HPOS is off), coupons, pages… The MySQL post_name index covers 191 chars. */
@Entity('posts')
@Index('post_name', ['postName'])
@Index('type_status_date', ['postType', 'postStatus', 'postDate', 'id'])
@Index('post_parent', ['postParent'])
@Index('post_author', ['postAuthor'])
export class WpPost {
  @PrimaryGeneratedColumn({ name: 'ID', type: 'bigint', unsigned: true })
  id!: number;

  @Column({ name: 'post_author', type: 'bigint', unsigned: true, default: 0 })
  postAuthor!: number;

  /** Site-local time. */
  @Column(wpDateColumn('post_date'))
  postDate!: string;

  @Column(wpDateColumn('post_date_gmt'))
  postDateGmt!: string;

  /** LONGTEXT on MySQL. */
  @Column({ name: 'post_content', type: 'text' })
  postContent!: string;

  @Column({ name: 'post_title', type: 'text' })
  postTitle!: string;

  @Column({ name: 'post_excerpt', type: 'text' })
  postExcerpt!: string;

  @Column({ name: 'post_status', type: 'varchar', length: 20, default: 'publish' })
  postStatus!: string;

  @Column({ name: 'comment_status', type: 'varchar', length: 20, default: 'open' })
  commentStatus!: string;

  @Column({ name: 'ping_status', type: 'varchar', length: 20, default: 'open' })
  pingStatus!: string;

  @Column({ name: 'post_password', type: 'varchar', length: 255, default: '' })
  postPassword!: string;

  @Column({ name: 'post_name', type: 'varchar', length: 200, default: '' })
  postName!: string;

  @Column({ name: 'to_ping', type: 'text' })
  toPing!: string;

  @Column({ name: 'pinged', type: 'text' })
  pinged!: string;

  @Column(wpDateColumn('post_modified'))
  postModified!: string;

  @Column(wpDateColumn('post_modified_gmt'))
  postModifiedGmt!: string;

  /** LONGTEXT on MySQL. */
  @Column({ name: 'post_content_filtered', type: 'text' })
  postContentFiltered!: string;

  @Column({ name: 'post_parent', type: 'bigint', unsigned: true, default: 0 })
  postParent!: number;

  @Column({ name: 'guid', type: 'varchar', length: 255, default: '' })
  guid!: string;

  @Column({ name: 'menu_order', type: 'int', default: 0 })
  menuOrder!: number;

  @Column({ name: 'post_type', type: 'varchar', length: 20, default: 'post' })
  postType!: string;

  @Column({ name: 'post_mime_type', type: 'varchar', length: 100, default: '' })
  postMimeType!: string;

  @Column({ name: 'comment_count', type: 'bigint', default: 0 })
  commentCount!: number;
}
