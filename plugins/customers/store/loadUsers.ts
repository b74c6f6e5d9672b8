import type { Db } from '../../../src/db/types';
import { readForPage } from '../../../src/db/readForPage';
import { inList } from '../../../src/db/boundList';
import { maybeUnserialize } from '../../../src/wp/phpSerialize';
import { computeUserCapabilities, type RolesOption } from '../../../src/wp/capabilities';
import { memoPerRolesOption } from '../../../src/wp/memoPerRolesOption';
import type { MetaRow, WpUser } from '../model/WpUser';
import { WpUser as WpUserEntity, type WpUserMeta } from '../../../entities';
import type { DriverRow, Row } from '../../../src/db/rows';

type UserRow = DriverRow<WpUserEntity>;
type MetaRowWithUser = DriverRow<Pick<WpUserMeta, 'umeta_id' | 'user_id' | 'meta_key' | 'meta_value'>>;

/** The users columns, as the entity declares them (entities/WpUser.ts). */
function userColumns(db: Db): string {
  return db.dataSource
    .getMetadata(WpUserEntity)
    .columns.map((column) => column.databaseName)
    .join(', ');
}

/**
 * A user as stored: the users columns (ID and user_status as numbers, user_registered as WordPress's text) and every
 * meta row in umeta_id order — a WpUser before its roles and capabilities, which depend on the roles option.
 */
export interface StoredUser {
  user: Row<WpUserEntity>;
  meta: MetaRow[];
}

/** Users kept elsewhere and proven current (the customers lookup's snapshots): those found, by id. */
export type KeptUsers = (ids: readonly number[]) => Promise<Map<number, StoredUser>>;

/**
 * Loads users with all their meta in two queries, whatever the number of ids (a list page never costs a query per
 * customer), or one for a single user on MySQL. With `kept`, several users are first taken from there and only the
 * others read. Returns them in the order of `ids`; unknown ids are left out.
 */
export async function loadUsers(
  db: Db,
  ids: readonly number[],
  roles: RolesOption,
  kept?: KeptUsers,
): Promise<WpUser[]> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return [];
  const stored = kept && unique.length > 1 ? await kept(unique) : new Map<number, StoredUser>();
  const rest = stored.size > 0 ? unique.filter((id) => !stored.has(id)) : unique;
  if (rest.length > 0) for (const [id, user] of await readStoredUsers(db, rest)) stored.set(id, user);
  const capabilitiesKey = `${db.prefix}capabilities`;
  const byId = new Map<number, WpUser>();
  for (const [id, { user, meta }] of stored) {
    const capsRow = meta.find((m) => m.meta_key === capabilitiesKey);
    const { caps, roles: userRoles } = capabilitiesOf(capsRow?.meta_value ?? '', roles);
    byId.set(id, { ...user, roles: userRoles, caps, meta });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A capabilities text's map and roles, each user its own copies. Read once per text while the roles option stays the
 * same frozen object (what the options API hands back): a page's customers mostly share one text, and unserializing
 * it for each was a visible share of reading them. A roles object that could still change is read afresh.
 */
function capabilitiesOf(text: string, roles: RolesOption): UserCapabilitiesRead {
  const shared = Object.isFrozen(roles) ? sharedCapabilitiesOf(text, roles) : readCapabilities(text, roles);
  return { caps: { ...shared.caps }, roles: [...shared.roles] };
}

const sharedCapabilitiesOf = memoPerRolesOption(256, readCapabilities);

function readCapabilities(text: string, roles: RolesOption): UserCapabilitiesRead {
  const caps = toCapsMap(maybeUnserialize(text));
  return { caps, roles: computeUserCapabilities(caps, roles).roles };
}

interface UserCapabilitiesRead {
  caps: Record<string, boolean>;
  roles: string[];
}

/** The users `ids` (unique, valid) as stored, read from WordPress's tables; unknown ids are left out. */
export async function readStoredUsers(db: Db, ids: readonly number[]): Promise<Map<number, StoredUser>> {
  if (ids.length === 0) return new Map();
  // A page of users is thousands of meta rows: on SQLite, read them off the event loop.
  const read = readForPage(db, ids.length);
  const [users, usersMeta] = [inList(db.dialect, 'ID', ids), inList(db.dialect, 'user_id', ids)];
  const [userRows, metaRows] =
    ids.length === 1 && db.dialect === 'mysql'
      ? await userWithMeta(db, ids[0])
      : await Promise.all([
          read<UserRow>(`SELECT ${userColumns(db)} FROM ${db.table('users')} WHERE ${users.sql}`, users.params),
          // Sorted here: MariaDB sorts rows holding a longtext through an on-disk temporary table.
          read<MetaRowWithUser>(
            `SELECT umeta_id, user_id, meta_key, meta_value FROM ${db.table('usermeta')} WHERE ${usersMeta.sql}`,
            usersMeta.params,
          ),
        ]);
  metaRows.sort((a, b) => Number(a.umeta_id) - Number(b.umeta_id));

  const metaByUser = new Map<number, MetaRow[]>();
  for (const row of metaRows) {
    const userId = Number(row.user_id);
    let list = metaByUser.get(userId);
    if (!list) metaByUser.set(userId, (list = []));
    list.push({ umeta_id: Number(row.umeta_id), meta_key: row.meta_key ?? '', meta_value: row.meta_value });
  }
  const byId = new Map<number, StoredUser>();
  for (const row of userRows) {
    const id = Number(row.ID);
    byId.set(id, {
      user: {
        ...row,
        ID: id,
        user_registered: normalizeDate(row.user_registered),
        user_status: Number(row.user_status),
      },
      meta: metaByUser.get(id) ?? [],
    });
  }
  return byId;
}

/**
 * One user's row and meta rows in a single query (GET /customers/<id> and permission checks load one user): on MySQL
 * a round trip costs more than repeating the user's columns on each meta row. (SQLite has no round trip, and there
 * building the wider rows costs more than a second statement.)
 */
async function userWithMeta(db: Db, id: number): Promise<[UserRow[], MetaRowWithUser[]]> {
  const rows = await db.query<
    UserRow & { umeta_id: number | string | null; meta_key: string | null; meta_value: string | null }
  >(
    `SELECT ${userColumns(db)}, m.umeta_id, m.meta_key, m.meta_value
       FROM ${db.table('users')} u
       LEFT JOIN ${db.table('usermeta')} m ON m.user_id = u.ID
      WHERE u.ID = ?`,
    [id],
  );
  if (rows.length === 0) return [[], []];
  // A user without meta comes back as one row whose meta columns are all NULL (umeta_id is never NULL otherwise).
  // Sorted here, not by ORDER BY m.umeta_id, which MariaDB runs through an on-disk temporary table (longtext).
  const meta = rows
    .filter((row) => row.umeta_id !== null && row.umeta_id !== undefined)
    .map((row) => ({
      user_id: row.ID,
      umeta_id: Number(row.umeta_id),
      meta_key: row.meta_key ?? '',
      meta_value: row.meta_value,
    }))
    .sort((a, b) => a.umeta_id - b.umeta_id);
  // The user's columns only: the meta columns must not become properties of the WpUser.
  const { umeta_id: _umetaId, meta_key: _metaKey, meta_value: _metaValue, ...user } = rows[0];
  return [[user], meta];
}

/** One user, or null. */
export async function loadUser(db: Db, id: number, roles: RolesOption): Promise<WpUser | null> {
  const [user] = await loadUsers(db, [id], roles);
  return user ?? null;
}

function toCapsMap(value: unknown): Record<string, boolean> {
  if (value === null || typeof value !== 'object') return {};
  const caps: Record<string, boolean> = {};
  for (const [key, granted] of Object.entries(value as Record<string, unknown>)) caps[key] = Boolean(granted);
  return caps;
}

/** Drivers may hand DATETIME back as a Date; WordPress code expects the `YYYY-MM-DD HH:MM:SS` text. */
function normalizeDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return String(value ?? '');
}
