import { userCan } from './userCan';
import type { CurrentUser } from './types';
import type { Hooks } from '../hooks/types';

export type UserPermissionContext = 'read' | 'create' | 'edit' | 'delete' | 'batch';

export interface UserPermissionDeps {
  hooks: Hooks;
  user: CurrentUser | null;
  /**
   * The roles of the user a shop manager wants to edit or delete, or null when there is no such user
   * (e.g. `(id) => loadCurrentUser(db, options, id).then((target) => target?.roles ?? null)`).
   */
  loadRoles: (userId: number) => Promise<readonly string[] | null>;
}

/** The capability WooCommerce checks for each context (current wc_rest_check_user_permissions). */
const CONTEXT_CAPS: Record<UserPermissionContext, string> = {
  read: 'list_users',
  create: 'create_customers',
  edit: 'edit_users',
  delete: 'delete_users',
  batch: 'promote_users',
};

/**
 * WooCommerce's wc_rest_check_user_permissions on a single site: the context's capability, except that a shop manager
 * may edit or delete only users whose roles meet `woocommerce_shop_manager_editable_roles` (default customers) or
 * themselves; the result passes the `woocommerce_rest_check_permissions` filter.
 */
export async function checkUserPermissions(
  deps: UserPermissionDeps,
  context: UserPermissionContext,
  objectId = 0,
): Promise<boolean> {
  const cap = CONTEXT_CAPS[context];
  let permission: boolean;
  if ((context === 'edit' || context === 'delete') && deps.user?.roles.includes('shop_manager')) {
    permission = false;
    const targetRoles = await deps.loadRoles(objectId);
    if (targetRoles !== null) {
      const editable: unknown = await deps.hooks.applyFilters('woocommerce_shop_manager_editable_roles', ['customer']);
      const isEditable = Array.isArray(editable) && targetRoles.some((role) => editable.includes(role));
      if (isEditable || objectId === deps.user.id) permission = userCan(deps.user, cap);
    }
  } else {
    permission = userCan(deps.user, cap);
  }
  const filtered: unknown = await deps.hooks.applyFilters(
    'woocommerce_rest_check_permissions',
    permission,
    context,
    objectId,
    'user',
  );
  return Boolean(filtered);
}

/** rest_authorization_required_code(): 403 for a logged-in user, 401 for anonymous requests. */
export function authorizationRequiredCode(user: CurrentUser | null): 401 | 403 {
  return user ? 403 : 401;
}
