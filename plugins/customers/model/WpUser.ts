import type { WpUser as WpUserRow, WpUserMeta } from '../../../entities';
import type { Row } from '../../../src/db/rows';

/** One `{prefix}usermeta` row as stored (meta_value still maybe-serialized; a NULL meta_key read as ''). */
export type MetaRow = Pick<Row<WpUserMeta>, 'umeta_id' | 'meta_value'> & { meta_key: string };

/**
 * A WordPress user as WP_User exposes it to hooks: the `{prefix}users` columns (the entity's, see entities/WpUser.ts;
 * user_registered is UTC `YYYY-MM-DD HH:MM:SS`, as WordPress stores it), its roles and capabilities map (from
 * `{prefix}capabilities`), and every usermeta row in `umeta_id` order.
 */
export interface WpUser extends Row<WpUserRow> {
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
