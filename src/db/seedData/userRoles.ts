/** One role as WordPress stores it in the `{prefix}user_roles` option. */
export interface RoleDefinition {
  name: string;
  capabilities: Record<string, boolean>;
}

const levels = (from: number): string[] => Array.from({ length: from + 1 }, (_, index) => `level_${from - index}`);

/** wp-admin/includes/schema.php populate_roles_160(): the five core roles, caps in the order they were added. */
const CORE_ROLES_160: Record<string, { name: string; caps: string[] }> = {
  administrator: {
    name: 'Administrator',
    caps: [
      'switch_themes',
      'edit_themes',
      'activate_plugins',
      'edit_plugins',
      'edit_users',
      'edit_files',
      'manage_options',
      'moderate_comments',
      'manage_categories',
      'manage_links',
      'upload_files',
      'import',
      'unfiltered_html',
      'edit_posts',
      'edit_others_posts',
      'edit_published_posts',
      'publish_posts',
      'edit_pages',
      'read',
      ...levels(10),
    ],
  },
  editor: {
    name: 'Editor',
    caps: [
      'moderate_comments',
      'manage_categories',
      'manage_links',
      'upload_files',
      'unfiltered_html',
      'edit_posts',
      'edit_others_posts',
      'edit_published_posts',
      'publish_posts',
      'edit_pages',
      'read',
      ...levels(7),
    ],
  },
  author: {
    name: 'Author',
    caps: ['upload_files', 'edit_posts', 'edit_published_posts', 'publish_posts', 'read', ...levels(2)],
  },
  contributor: { name: 'Contributor', caps: ['edit_posts', 'read', ...levels(1)] },
  subscriber: { name: 'Subscriber', caps: ['read', ...levels(0)] },
};

/** populate_roles_210() … populate_roles_300(): caps later WordPress versions added, per role, in order. */
const LATER_CORE_CAPS: Array<[role: string, caps: string[]]> = [
  ...['administrator', 'editor'].map((role): [string, string[]] => [
    role,
    [
      'edit_others_pages',
      'edit_published_pages',
      'publish_pages',
      'delete_pages',
      'delete_others_pages',
      'delete_published_pages',
      'delete_posts',
      'delete_others_posts',
      'delete_published_posts',
      'delete_private_posts',
      'edit_private_posts',
      'read_private_posts',
      'delete_private_pages',
      'edit_private_pages',
      'read_private_pages',
    ],
  ]),
  ['administrator', ['delete_users', 'create_users']],
  ['author', ['delete_posts', 'delete_published_posts']],
  ['contributor', ['delete_posts']],
  ['administrator', ['unfiltered_upload']],
  ['administrator', ['edit_dashboard']],
  ['administrator', ['update_plugins', 'delete_plugins']],
  ['administrator', ['install_plugins', 'update_themes']],
  ['administrator', ['install_themes']],
  [
    'administrator',
    ['update_core', 'list_users', 'remove_users', 'promote_users', 'edit_theme_options', 'delete_themes', 'export'],
  ],
];

/** WooCommerce WC_Install::create_roles(): the shop manager's own caps. */
const SHOP_MANAGER_CAPS = [
  ...levels(9),
  'read',
  'read_private_pages',
  'read_private_posts',
  'edit_posts',
  'edit_pages',
  'edit_published_posts',
  'edit_published_pages',
  'edit_private_pages',
  'edit_private_posts',
  'edit_others_posts',
  'edit_others_pages',
  'publish_posts',
  'publish_pages',
  'delete_posts',
  'delete_pages',
  'delete_private_pages',
  'delete_private_posts',
  'delete_published_pages',
  'delete_published_posts',
  'delete_others_posts',
  'delete_others_pages',
  'manage_categories',
  'manage_links',
  'moderate_comments',
  'upload_files',
  'export',
  'import',
  'list_users',
  'edit_theme_options',
];

/**
 * WooCommerce WC_Install::get_core_capabilities() (9.9+, which added create_customers): granted to both
 * shop_manager and administrator.
 */
export function wooCommerceCoreCapabilities(): string[] {
  const postTypeCaps = (type: string): string[] => [
    `edit_${type}`,
    `read_${type}`,
    `delete_${type}`,
    `edit_${type}s`,
    `edit_others_${type}s`,
    `publish_${type}s`,
    `read_private_${type}s`,
    `delete_${type}s`,
    `delete_private_${type}s`,
    `delete_published_${type}s`,
    `delete_others_${type}s`,
    `edit_private_${type}s`,
    `edit_published_${type}s`,
    `manage_${type}_terms`,
    `edit_${type}_terms`,
    `delete_${type}_terms`,
    `assign_${type}_terms`,
  ];
  return [
    'manage_woocommerce',
    'create_customers',
    'view_woocommerce_reports',
    ...['product', 'shop_order', 'shop_coupon'].flatMap(postTypeCaps),
  ];
}

/**
 * The `{prefix}user_roles` map of a fresh WordPress 6.8 + WooCommerce 9.9 site: populate_roles() then
 * WC_Install::create_roles(). Key order matches the order PHP built the arrays in, so it serializes identically.
 */
export function freshSiteUserRoles(): Record<string, RoleDefinition> {
  const roles: Record<string, RoleDefinition> = {};
  const addCaps = (role: string, caps: readonly string[]): void => {
    for (const cap of caps) roles[role].capabilities[cap] = true;
  };
  for (const [slug, { name, caps }] of Object.entries(CORE_ROLES_160)) {
    roles[slug] = { name, capabilities: {} };
    addCaps(slug, caps);
  }
  for (const [role, caps] of LATER_CORE_CAPS) addCaps(role, caps);
  roles.customer = { name: 'Customer', capabilities: { read: true } };
  roles.shop_manager = { name: 'Shop manager', capabilities: {} };
  addCaps('shop_manager', SHOP_MANAGER_CAPS);
  for (const cap of wooCommerceCoreCapabilities()) {
    addCaps('shop_manager', [cap]);
    addCaps('administrator', [cap]);
  }
  return roles;
}
