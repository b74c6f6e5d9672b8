import { newUserMeta } from '../../wp/newUserMeta';

/** The `{prefix}users` row and usermeta of the administrator a fresh install creates. */
export interface SeedUser {
  row: {
    ID: number;
    user_login: string;
    user_pass: string;
    user_nicename: string;
    user_email: string;
    user_url: string;
    user_registered: string;
    user_activation_key: string;
    user_status: number;
    display_name: string;
  };
  /** [meta_key, meta_value] in insert order. */
  meta: Array<[string, string]>;
}

export interface AdministratorSettings {
  passwordHash: string;
  email: string;
  siteUrl: string;
  tablePrefix: string;
  /** UTC 'YYYY-MM-DD HH:MM:SS'. */
  registered: string;
}

/**
 * What wp_install() leaves for its `admin` user: wp_create_user() → wp_insert_user() writes the row and the meta
 * below up to user_level (role first the default 'subscriber', which set_role('administrator') then rewrites in
 * place), update_user_meta('default_password_nag') because the installer generated the password, user_url set to
 * the site URL by wp_update_user(), and show_welcome_panel from wp_install_defaults(). No last_update: WooCommerce,
 * which writes it on profile_update, is not active while WordPress installs.
 */
export function freshSiteAdministrator(settings: AdministratorSettings): SeedUser {
  const { passwordHash, email, siteUrl, tablePrefix, registered } = settings;
  return {
    row: {
      ID: 1,
      user_login: 'admin',
      user_pass: passwordHash,
      user_nicename: 'admin',
      user_email: email,
      user_url: siteUrl,
      user_registered: registered,
      user_activation_key: '',
      user_status: 0,
      display_name: 'admin',
    },
    meta: [
      ...newUserMeta({ nickname: 'admin', firstName: '', lastName: '' }),
      [`${tablePrefix}capabilities`, 'a:1:{s:13:"administrator";b:1;}'],
      [`${tablePrefix}user_level`, '10'],
      ['default_password_nag', '1'],
      ['show_welcome_panel', '1'],
    ],
  };
}
