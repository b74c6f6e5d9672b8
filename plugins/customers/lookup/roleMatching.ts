import { likeUnicode520 } from '../../../src/collation/unicode520';
import type { Db } from '../../../src/db/types';
import type { RoleClauses } from '../store/userQuery/parseUserQuery';
import { searchPattern } from '../store/userQuery/searchTerm';
import { LOOKUP_TABLES } from './lookupTables';
import { NO_CAPABILITIES_GROUP, SEVERAL_CAPABILITIES_GROUP, type RoleGroup } from './roleGroups';

/** The role groups a query's role clauses select, and how many users they hold; `all` when there is no role filter. */
export type GroupSelection = { all: true; users: number } | { all: false; groups: number[]; users: number };

/**
 * Which role groups satisfy WordPress's role clauses — `{prefix}capabilities LIKE '%"role"%'` for every `role`, for
 * one of `role__in`, `NOT LIKE` for every `role__not_in` — evaluated on each group's exact capabilities value: by
 * MySQL itself (the roles table copies usermeta.meta_value's collation), or on SQLite by the same LIKE in JS.
 * Users without a capabilities row match no clause. Returns null when users with several capabilities rows exist
 * and clauses are given: WordPress may list such a user twice, which only its own query reproduces.
 */
export async function selectRoleGroups(
  db: Db,
  roles: RoleClauses,
  groups: readonly RoleGroup[],
): Promise<GroupSelection | null> {
  const noClauses = roles.all.length === 0 && roles.any.length === 0 && roles.none.length === 0;
  if (noClauses) return { all: true, users: groups.reduce((sum, group) => sum + group.users, 0) };
  if (groups.some((group) => group.roleGroup === SEVERAL_CAPABILITIES_GROUP && group.users > 0)) return null;
  const valued = groups.filter(
    (group) => group.roleGroup !== NO_CAPABILITIES_GROUP && group.roleGroup !== SEVERAL_CAPABILITIES_GROUP,
  );
  const pattern = (role: string) => searchPattern(`"${role}"`, true, true);
  let matching: RoleGroup[];
  if (db.dialect === 'mysql') {
    const where = [
      ...roles.all.map(() => 'capabilities LIKE ?'),
      ...(roles.any.length > 0 ? [`(${roles.any.map(() => 'capabilities LIKE ?').join(' OR ')})`] : []),
      ...roles.none.map(() => 'capabilities NOT LIKE ?'),
    ];
    const rows = await db.query<{ role_group: number | string }>(
      `SELECT role_group FROM ${db.table(LOOKUP_TABLES.roles)} WHERE role_group > 0 AND ${where.join(' AND ')}`,
      [...roles.all, ...roles.any, ...roles.none].map(pattern),
    );
    const ids = new Set(rows.map((row) => Number(row.role_group)));
    matching = valued.filter((group) => ids.has(group.roleGroup));
  } else {
    const like = (group: RoleGroup, role: string) => likeUnicode520(group.capabilities ?? '', pattern(role));
    matching = valued.filter(
      (group) =>
        roles.all.every((role) => like(group, role)) &&
        (roles.any.length === 0 || roles.any.some((role) => like(group, role))) &&
        roles.none.every((role) => !like(group, role)),
    );
  }
  return {
    all: false,
    groups: matching.map((group) => group.roleGroup).sort((a, b) => a - b),
    users: matching.reduce((sum, group) => sum + group.users, 0),
  };
}
