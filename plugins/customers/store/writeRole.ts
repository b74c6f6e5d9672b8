import type { Db } from '../../../src/db/types';
import { computeUserCapabilities, setRoleCapabilities, type RolesOption } from '../../../src/wp/capabilities';
import { updateUserMeta } from './userMeta';

/**
 * WP_User::set_role: replaces the user's roles with `role` (keeping per-user capabilities), then rewrites
 * `{prefix}capabilities` and `{prefix}user_level`. Does nothing when the user already has exactly that role.
 */
export async function writeRole(
  tx: Db,
  userId: number,
  role: string,
  currentCaps: Record<string, boolean>,
  roles: RolesOption,
): Promise<void> {
  const current = computeUserCapabilities(currentCaps, roles).roles;
  if (current.length === 1 && current[0] === role) return;
  const caps = setRoleCapabilities(currentCaps, role, roles);
  const { userLevel } = computeUserCapabilities(caps, roles);
  const never = () => 0;
  await updateUserMeta(tx, userId, `${tx.prefix}capabilities`, caps, never);
  await updateUserMeta(tx, userId, `${tx.prefix}user_level`, String(userLevel), never);
}
