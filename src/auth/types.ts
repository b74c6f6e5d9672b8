/** The user a request runs as, with the capabilities WordPress would compute for it (`WP_User::$allcaps`). */
export interface CurrentUser {
  id: number;
  login: string;
  email: string;
  /** Role slugs in the order they appear in `{prefix}capabilities` (only keys that are registered roles). */
  roles: readonly string[];
  /**
   * Effective capabilities: role capabilities merged with per-user capabilities, plus each role name itself. Shared
   * between requests of users with the same stored capabilities (see currentUser.ts), hence read-only.
   */
  allcaps: Readonly<Record<string, boolean>>;
}

/** The API key a request authenticated with (WooCommerce `wp_woocommerce_api_keys` row, without secrets). */
export interface AuthenticatedKey {
  keyId: number;
  userId: number;
  permissions: 'read' | 'write' | 'read_write';
}
