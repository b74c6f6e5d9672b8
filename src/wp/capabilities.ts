import { isPhpEmptyString } from './phpEmpty';

/** One entry of the `{prefix}user_roles` option. */
export interface RoleDefinition {
  name: string;
  capabilities: Record<string, boolean>;
}

/** The `{prefix}user_roles` option: role slug → definition. */
export type RolesOption = Record<string, RoleDefinition>;

/** What WP_User derives from `{prefix}capabilities`. */
export interface UserCapabilities {
  /** Keys of the capabilities meta that are registered roles, in stored order — whatever their value. */
  roles: string[];
  /** Every role's capabilities merged in order, then the stored map (role keys included) on top. */
  allcaps: Record<string, boolean>;
  /** The `{prefix}user_level` WordPress writes: the highest `level_N` key in allcaps. */
  userLevel: number;
}

/**
 * WP_User::get_role_caps() over the unserialized `{prefix}capabilities` meta (anything but an array counts as
 * empty). Values are read with PHP truthiness, which is what has_cap() applies to them.
 */
export function computeUserCapabilities(capsMeta: unknown, roles: RolesOption): UserCapabilities {
  const caps = capsFromMeta(capsMeta);
  const userRoles = Object.keys(caps).filter((key) => isRole(key, roles));
  const allcaps: Record<string, boolean> = {};
  for (const role of userRoles) Object.assign(allcaps, roles[role].capabilities);
  Object.assign(allcaps, caps);
  return { roles: userRoles, allcaps, userLevel: userLevelFrom(allcaps) };
}

/**
 * WP_User::set_role(): the capabilities map to store. Every current role key is removed, per-user capabilities stay
 * in place, and `role => true` is appended (nothing for an empty role, PHP empty() so also '0'). If the user already has exactly that one
 * role, WordPress changes nothing and the map comes back as it was.
 */
export function setRoleCapabilities(capsMeta: unknown, role: string, roles: RolesOption): Record<string, boolean> {
  const caps = capsFromMeta(capsMeta);
  const currentRoles = Object.keys(caps).filter((key) => isRole(key, roles));
  if (currentRoles.length === 1 && currentRoles[0] === role) return caps;
  const next = Object.fromEntries(Object.entries(caps).filter(([key]) => !currentRoles.includes(key)));
  if (!isPhpEmptyString(role)) next[role] = true;
  return next;
}

/**
 * WP_User::update_user_level_from_caps(): the highest N among keys `level_N` (N = 0–10, case-insensitive). Like
 * WordPress it looks at the keys only, so a `level_10 => false` still counts.
 */
export function userLevelFrom(allcaps: Record<string, boolean>): number {
  let level = 0;
  for (const key of Object.keys(allcaps)) {
    const match = /^level_(10|[0-9])$/i.exec(key);
    if (match) level = Math.max(level, Number(match[1]));
  }
  return level;
}

/** WP_Roles::is_role(). */
function isRole(key: string, roles: RolesOption): boolean {
  return Object.prototype.hasOwnProperty.call(roles, key);
}

/** WP_User::get_caps_data(): the stored map, or {} when the meta is not an array. */
function capsFromMeta(capsMeta: unknown): Record<string, boolean> {
  if (capsMeta === null || typeof capsMeta !== 'object') return {};
  return Object.fromEntries(Object.entries(capsMeta).map(([key, value]) => [key, isPhpTruthy(value)]));
}

function isPhpTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return !(value === false || value === null || value === undefined || value === 0 || value === '' || value === '0');
}
