/** One `{prefix}usermeta` row as stored (meta_value still maybe-serialized). */
export interface MetaRow {
  umeta_id: number;
  meta_key: string;
  meta_value: string | null;
}

/**
 * A WordPress user as WP_User exposes it to hooks: the `{prefix}users` columns, its roles and capabilities map
 * (from `{prefix}capabilities`), and every usermeta row in `umeta_id` order.
 */
export interface WpUser {
  ID: number;
  user_login: string;
  user_pass: string;
  user_nicename: string;
  user_email: string;
  user_url: string;
  /** UTC `YYYY-MM-DD HH:MM:SS`, as WordPress stores it. */
  user_registered: string;
  user_activation_key: string;
  user_status: number;
  display_name: string;
  /** Registered roles among the capabilities keys, in stored order (WP_User::$roles). */
  roles: string[];
  /** The raw `{prefix}capabilities` map. */
  caps: Record<string, boolean>;
  meta: MetaRow[];
}

/** The first stored value of a meta key ('' when absent), as get_user_meta($id, $key, true). */
export function singleMeta(user: Pick<WpUser, 'meta'>, key: string): string {
  for (const row of user.meta) {
    if (row.meta_key === key) return row.meta_value ?? '';
  }
  return '';
}

export function hasMeta(user: Pick<WpUser, 'meta'>, key: string): boolean {
  return user.meta.some((row) => row.meta_key === key);
}
