import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MysqlType } from './MysqlType';

/**
 * `{prefix}wc_host_state`: wc-host's own facts about a database (not a WordPress table), e.g. `created_by` = `wc-host`
 * on a database whose WordPress tables wc-host created (see src/db/siteOrigin.ts).
 */
@Entity('wc_host_state')
export class WcHostState {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  name!: string;

  @Column({ type: 'text' })
  @MysqlType('longtext')
  value!: string;
}
