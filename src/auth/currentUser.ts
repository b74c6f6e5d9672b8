import { computeUserCapabilities, type RolesOption } from '../wp/capabilities';
import { maybeUnserialize } from '../wp/phpSerialize';
import { memoPerRolesOption } from '../wp/memoPerRolesOption';
import type { CurrentUser } from './types';
import type { Db } from '../db/types';
import type { Row } from '../db/rows';
import type { WpUser, WpUserMeta } from '../../entities';
import type { OptionsApi } from '../host/types';

/**
 * The user a request runs as, with the capabilities WordPress computes for it (WP_User): its roles and per-user caps
 * from the `{prefix}capabilities` meta (the first row, as get_user_meta single does), expanded through the
 * `{prefix}user_roles` option. Null when there is no such user. One query plus the (cached) option read.
 */
export async function loadCurrentUser(db: Db, options: OptionsApi, userId: number): Promise<CurrentUser | null> {
  if (!Number.isSafeInteger(userId) || userId <= 0) return null;
  // The capabilities row as a subquery on the user_id index (rows come in umeta_id order): the equivalent LEFT JOIN
  // with ORDER BY m.umeta_id makes MariaDB sort through an on-disk temporary table (longtext), ~5x the cost.
  const rows = await db.query<CurrentUserRow>(
    `SELECT u.ID, u.user_login, u.user_email, (${capabilitiesSubquery(db)}) AS meta_value
       FROM ${db.table('users')} u
      WHERE u.ID = ?`,
    [`${db.prefix}capabilities`, userId],
  );
  return rows[0] ? currentUserFromRow(db, options, rows[0]) : null;
}

/** The user's first `{prefix}capabilities` value (get_user_meta single), for a query over `users u`; binds the key. */
export function capabilitiesSubquery(db: Db): string {
  return `SELECT m.meta_value FROM ${db.table('usermeta')} m WHERE m.user_id = u.ID AND m.meta_key = ? ORDER BY m.umeta_id LIMIT 1`;
}

/** What loadCurrentUser reads of a user: the row's ID, login and email, and its first `{prefix}capabilities` value. */
export type CurrentUserRow = Pick<Row<WpUser>, 'user_login' | 'user_email'> &
  Pick<Row<WpUserMeta>, 'meta_value'> & { ID: unknown };

/** The CurrentUser of a row loadCurrentUser's query (or an equivalent one) returned. */
export async function currentUserFromRow(db: Db, options: OptionsApi, row: CurrentUserRow): Promise<CurrentUser> {
  const roles = rolesOptionOf(await options.get(`${db.prefix}user_roles`, {}));
  const capabilities = capabilitiesOf(row.meta_value ?? '', roles);
  return {
    id: Number(row.ID),
    login: row.user_login,
    email: row.user_email,
    roles: capabilities.roles,
    allcaps: capabilities.allcaps,
  };
}

/**
 * Capabilities per stored `{prefix}capabilities` value and roles option: every request of an API key's user needs
 * them, and unserializing and expanding an administrator's ~100 capabilities was a visible part of a GET's CPU.
 * Frozen, as they are shared between requests.
 */
type SharedCapabilities = Pick<CurrentUser, 'roles' | 'allcaps'>;
const capabilitiesOf = memoPerRolesOption(1000, (stored, roles): SharedCapabilities => {
  const computed = computeUserCapabilities(maybeUnserialize(stored), roles);
  return { roles: Object.freeze(computed.roles), allcaps: Object.freeze(computed.allcaps) };
});

/** The options API hands out one frozen value per cache period: normalise it once per value, not per request. */
const normalisedRoles = new WeakMap<object, RolesOption>();
function rolesOptionOf(value: unknown): RolesOption {
  if (!isRecord(value)) return {};
  let roles = normalisedRoles.get(value);
  if (!roles) normalisedRoles.set(value, (roles = toRolesOption(value)));
  return roles;
}

/**
 * The roles option as WordPress uses it: entries that are not arrays are skipped, and capability values are read with
 * PHP truthiness (a plugin may have stored `1` instead of `true`), as has_cap() does.
 */
function toRolesOption(value: unknown): RolesOption {
  if (!isRecord(value)) return {};
  const entries = Object.entries(value).flatMap(([slug, definition]) => {
    if (!isRecord(definition)) return [];
    const capabilities = isRecord(definition.capabilities) ? definition.capabilities : {};
    return [
      [
        slug,
        {
          name: typeof definition.name === 'string' ? definition.name : slug,
          capabilities: Object.fromEntries(
            Object.entries(capabilities).map(([cap, granted]) => [cap, isPhpTruthy(granted)]),
          ),
        },
      ] as const,
    ];
  });
  return Object.fromEntries(entries);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPhpTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return !(value === false || value === null || value === undefined || value === 0 || value === '' || value === '0');
}
