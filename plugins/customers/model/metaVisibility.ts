/**
 * Which usermeta rows WooCommerce shows as a customer's `meta_data` (WC_Customer_Data_Store::read_meta_data and the
 * newer REST rules): everything except its internal keys, and — in current WooCommerce — except protected keys.
 * The list is WooCommerce's, reproduced as is (keys it forgot, like `wc_last_active`, do show up on real sites).
 */
const INTERNAL_META_KEYS = new Set([
  'locale',
  'billing_postcode',
  'billing_city',
  'billing_address_1',
  'billing_address_2',
  'billing_state',
  'billing_country',
  'shipping_postcode',
  'shipping_city',
  'shipping_address_1',
  'shipping_address_2',
  'shipping_state',
  'shipping_country',
  'paying_customer',
  'last_update',
  'first_name',
  'last_name',
  'display_name',
  'show_admin_bar_front',
  'use_ssl',
  'admin_color',
  'rich_editing',
  'comment_shortcuts',
  'dismissed_wp_pointers',
  'show_welcome_panel',
  'session_tokens',
  'nickname',
  'description',
  'billing_first_name',
  'billing_last_name',
  'billing_company',
  'billing_phone',
  'billing_email',
  'shipping_first_name',
  'shipping_last_name',
  'shipping_company',
  'shipping_phone',
  'wptests_capabilities',
  'wptests_user_level',
  'syntax_highlighting',
  '_order_count',
  '_money_spent',
  '_last_order',
  '_woocommerce_tracks_anon_id',
  // WC_Data also hides "_" + each of its data keys.
  '_date_created',
  '_date_modified',
  '_email',
  '_first_name',
  '_last_name',
  '_display_name',
  '_role',
  '_username',
  '_billing',
  '_shipping',
  '_is_paying_customer',
]);

const INTERNAL_PREFIXES = ['_woocommerce_persistent_cart', 'closedpostboxes_', 'metaboxhidden_', 'manageedit-'];

/** True when WooCommerce keeps the key out of `meta_data` (and refuses it as a meta_data write). */
export function isInternalMetaKey(key: string, tablePrefix: string): boolean {
  if (INTERNAL_META_KEYS.has(key)) return true;
  for (const prefix of INTERNAL_PREFIXES) if (key.startsWith(prefix)) return true;
  if (tablePrefix !== '' && key.includes(tablePrefix)) return true;
  // As `key.toLowerCase().startsWith('wp_')` (no other character lower-cases to these three), without a lower-cased
  // copy of every key of every customer read.
  return WP_PREFIX.test(key);
}

const WP_PREFIX = /^wp_/i;

/** WordPress's is_protected_meta default: a key starting with `_` is protected (hidden and not writable via REST). */
export function isProtectedMetaKey(key: string): boolean {
  return key.startsWith('_');
}
