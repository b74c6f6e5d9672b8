import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `{prefix}wc_product_download_directories` (WooCommerce includes/class-wc-install.php get_schema()): the approved
 * download directories (enforced when the option `wc_downloads_approved_directories_mode` is `enabled`). The MySQL
 * index on url covers its first 191 characters.
 */
@Entity('wc_product_download_directories')
@Index('url', ['url'])
export class WcProductDownloadDirectory {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  url_id!: number;

  @Column({ type: 'varchar', length: 256 })
  url!: string;

  @Column({ type: 'tinyint', default: 0 })
  enabled!: number;
}
