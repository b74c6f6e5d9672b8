import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { wpDateColumn } from './wpDateColumn';

/**
 * `{prefix}users` as WordPress's wp_get_db_schema() creates it (single site).
 * No UNIQUE keys: WordPress checks logins and e-mails in code.
 */
@Entity('users')
@Index('user_login_key', ['userLogin'])
@Index('user_nicename', ['userNicename'])
@Index('user_email', ['userEmail'])
export class WpUser {
  @PrimaryGeneratedColumn({ name: 'ID', type: 'bigint', unsigned: true })
  id!: number;

  @Column({ name: 'user_login', type: 'varchar', length: 60, default: '' })
  userLogin!: string;

  @Column({ name: 'user_pass', type: 'varchar', length: 255, default: '' })
  userPass!: string;

  @Column({ name: 'user_nicename', type: 'varchar', length: 50, default: '' })
  userNicename!: string;

  @Column({ name: 'user_email', type: 'varchar', length: 100, default: '' })
  userEmail!: string;

  @Column({ name: 'user_url', type: 'varchar', length: 100, default: '' })
  userUrl!: string;

  /** UTC. */
  @Column(wpDateColumn('user_registered'))
  userRegistered!: string;

  @Column({ name: 'user_activation_key', type: 'varchar', length: 255, default: '' })
  userActivationKey!: string;

  @Column({ name: 'user_status', type: 'int', default: 0 })
  userStatus!: number;

  @Column({ name: 'display_name', type: 'varchar', length: 250, default: '' })
  displayName!: string;
}
