import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WpDateColumn } from './WpDateColumn';

/**
 * `{prefix}users` as WordPress's wp_get_db_schema() creates it (single site); properties are the column names, so
 * this class is also the row type (see src/db/rows.ts). No UNIQUE keys: WordPress checks logins and e-mails in code.
 */
@Entity('users')
@Index('user_login_key', ['user_login'])
@Index('user_nicename', ['user_nicename'])
@Index('user_email', ['user_email'])
export class WpUser {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  ID!: number;

  @Column({ type: 'varchar', length: 60, default: '' })
  user_login!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  user_pass!: string;

  @Column({ type: 'varchar', length: 50, default: '' })
  user_nicename!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  user_email!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  user_url!: string;

  /** UTC. */
  @WpDateColumn('user_registered')
  user_registered!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  user_activation_key!: string;

  @Column({ type: 'int', default: 0 })
  user_status!: number;

  @Column({ type: 'varchar', length: 250, default: '' })
  display_name!: string;
}
