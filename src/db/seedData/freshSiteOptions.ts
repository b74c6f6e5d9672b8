import { freshSiteUserRoles } from './userRoles';

/** An options row to insert: the value before maybe_serialize(), and autoload as WordPress ≥ 6.6 writes it. */
export interface SeedOption {
  name: string;
  value: unknown;
  autoload: 'on' | 'off' | 'auto';
}

export interface FreshSiteSettings {
  /** siteurl and home, without a trailing slash. */
  siteUrl: string;
  adminEmail: string;
  tablePrefix: string;
}

/** WordPress 6.8's $wp_db_version. */
export const WORDPRESS_DB_VERSION = '60421';
/** The WooCommerce release whose install we mirror: 9.9 added `create_customers` (9.5.2 the editable-roles filter). */
export const WOOCOMMERCE_VERSION = '9.9.5';

/**
 * The options the customers module reads, as a fresh WordPress 6.8 + WooCommerce 9.9 install writes them.
 * populate_options() inserts core options with autoload 'on', WP_Roles saves the roles with autoload true ('on'),
 * WC_Install::create_options() adds its settings with autoload 'on', and plain update_option() calls (the WooCommerce
 * version, the HPOS flag) get 'auto'.
 */
export function freshSiteOptions({ siteUrl, adminEmail, tablePrefix }: FreshSiteSettings): SeedOption[] {
  const core = (name: string, value: unknown): SeedOption => ({ name, value, autoload: 'on' });
  return [
    core('siteurl', siteUrl),
    core('home', siteUrl),
    core('blogname', 'wc-host'),
    core('blogdescription', ''),
    core('admin_email', adminEmail),
    core('gmt_offset', 0),
    core('default_role', 'subscriber'),
    core('db_version', WORDPRESS_DB_VERSION),
    core('show_avatars', '1'),
    core('avatar_rating', 'G'),
    core('avatar_default', 'mystery'),
    core('timezone_string', ''),
    core(`${tablePrefix}user_roles`, freshSiteUserRoles()),
    core('woocommerce_registration_generate_username', 'yes'),
    core('woocommerce_registration_generate_password', 'yes'),
    core('woocommerce_downloads_grant_access_after_payment', 'yes'),
    { name: 'woocommerce_version', value: WOOCOMMERCE_VERSION, autoload: 'auto' },
    { name: 'woocommerce_custom_orders_table_enabled', value: 'no', autoload: 'auto' },
  ];
}
