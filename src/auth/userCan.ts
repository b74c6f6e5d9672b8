import type { CurrentUser } from './types';

/**
 * WordPress's current_user_can( $cap ) for the user capabilities wc-host checks, on a single site:
 * map_meta_cap turns the singular user meta caps into their primitive caps (the plural ones map to themselves),
 * WooCommerce's `user_has_cap` filter adds `edit_users` to shop managers, everyone "exists", nobody has
 * `do_not_allow`, and every mapped cap must be granted.
 */
export function userCan(user: CurrentUser | null, cap: string): boolean {
  // Read in place (it runs several times per request: copying an administrator's allcaps each time showed up in
  // profiles): what the user's allcaps say, with WordPress's and WooCommerce's runtime adjustments on top.
  const granted = (required: string): boolean => {
    if (required === 'exist') return true;
    if (required === 'do_not_allow') return false;
    // wc_shop_manager_has_capability: edit_users at runtime (editing is then limited to customers by the REST rules).
    if (required === 'edit_users' && user?.roles.includes('shop_manager')) return true;
    return user?.allcaps[required] === true;
  };
  return mapMetaCap(cap).every(granted);
}

/** Single-site map_meta_cap for user capabilities without an object: `edit_user` → `edit_users`, etc. */
function mapMetaCap(cap: string): string[] {
  switch (cap) {
    case 'edit_user':
    case 'edit_users':
      return ['edit_users'];
    case 'delete_user':
    case 'delete_users':
      return ['delete_users'];
    case 'promote_user':
    case 'add_users':
      return ['promote_users'];
    case 'remove_user':
      return ['remove_users'];
    default:
      // list_users, create_users, promote_users, create_customers… are primitive caps.
      return [cap];
  }
}
