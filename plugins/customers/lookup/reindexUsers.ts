import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import { LOOKUP_TABLES } from './lookupTables';
import { sortKeyUnicode520 } from '../../../src/collation/unicode520';
import {
  FOLD_COLUMNS,
  joinedFoldsOf,
  lookupRowOf,
  sameLookupRow,
  searchTextOf,
  type LookupRow,
  type SourceUser,
} from './lookupRow';
import type { RoleGroupTable } from './roleGroups';

const LOOKUP_COLUMNS = ['user_id', 'role_group', 'name_key', 'registered', ...FOLD_COLUMNS] as const;

/**
 * Reads the users `ids` from WordPress's tables as they are now and makes their lookup rows (and, on SQLite, their
 * trigram entries) match: new users are added, deleted users removed, changed ones rewritten; the role group counts
 * follow. Runs inside the caller's transaction. Returns how many lookup rows changed.
 */
export async function reindexUsers(tx: Db, ids: readonly number[], groups: RoleGroupTable): Promise<number> {
  if (ids.length === 0) return 0;
  const lookup = tx.table(LOOKUP_TABLES.lookup);
  const [byId, byUser] = [inList(tx.dialect, 'ID', ids), inList(tx.dialect, 'user_id', ids)];
  const [users, capabilities, previous] = await Promise.all([
    tx.query<SourceUser>(
      `SELECT ID, user_login, user_url, user_email, user_nicename, display_name, user_registered FROM ${tx.table('users')} WHERE ${byId.sql}`,
      byId.params,
    ),
    tx.query<{ user_id: number | string; meta_value: string | null }>(
      // SQLite would pick the meta_key index (every user has this key); `+` leaves it the user_id index.
      `SELECT user_id, meta_value FROM ${tx.table('usermeta')} WHERE ${tx.dialect === 'sqlite' ? '+' : ''}meta_key = ? AND ${byUser.sql}`,
      [`${tx.prefix}capabilities`, ...byUser.params],
    ),
    tx.query<Record<(typeof LOOKUP_COLUMNS)[number], unknown>>(
      `SELECT ${LOOKUP_COLUMNS.join(', ')} FROM ${lookup} WHERE ${byUser.sql}`,
      byUser.params,
    ),
  ]);

  const capabilitiesOf = new Map<number, string[]>();
  for (const row of capabilities) {
    const userId = Number(row.user_id);
    const list = capabilitiesOf.get(userId) ?? [];
    list.push(String(row.meta_value ?? ''));
    capabilitiesOf.set(userId, list);
  }
  const before = new Map(previous.map((row) => [Number(row.user_id), readLookupRow(row)]));
  const after = new Map<number, LookupRow>();
  for (const user of users) {
    const id = Number(user.ID);
    after.set(id, lookupRowOf(tx.dialect, user, await groups.groupOf(capabilitiesOf.get(id) ?? [])));
  }

  const written: LookupRow[] = [];
  const touched: number[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const row = after.get(id);
    if (row && old && sameLookupRow(old, row)) continue;
    if (!row && !old) continue;
    touched.push(id);
    if (old) groups.count(old.role_group, -1);
    if (row) {
      groups.count(row.role_group, 1);
      written.push(row);
    }
  }
  if (touched.length > 0) {
    // Delete, then insert what exists: the search rows follow even if a cut-short run left them out of step.
    const inLookup = inList(tx.dialect, 'user_id', touched);
    const inSearch = inList(tx.dialect, tx.dialect === 'sqlite' ? 'rowid' : 'user_id', touched);
    await tx.execute(`DELETE FROM ${lookup} WHERE ${inLookup.sql}`, inLookup.params);
    await tx.execute(`DELETE FROM ${tx.table(LOOKUP_TABLES.search)} WHERE ${inSearch.sql}`, inSearch.params);
  }
  if (written.length > 0) {
    const row = `(${LOOKUP_COLUMNS.map(() => '?').join(', ')})`;
    await tx.execute(
      `INSERT INTO ${lookup} (${LOOKUP_COLUMNS.join(', ')}) VALUES ${written.map(() => row).join(', ')}`,
      written.flatMap((entry) => LOOKUP_COLUMNS.map((column) => entry[column])),
    );
    if (tx.dialect === 'sqlite') {
      await tx.execute(
        `INSERT INTO ${tx.table(LOOKUP_TABLES.search)} (rowid, text) VALUES ${written.map(() => '(?, ?)').join(', ')}`,
        written.flatMap((entry) => [entry.user_id, searchTextOf(entry)]),
      );
    } else {
      await tx.execute(
        `INSERT INTO ${tx.table(LOOKUP_TABLES.search)} (user_id, role_group, name_sort, registered, folded) VALUES ${written.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        written.flatMap((entry) => [
          entry.user_id,
          entry.role_group,
          sortKeyUnicode520(String(entry.name_key)),
          entry.registered,
          joinedFoldsOf(entry),
        ]),
      );
    }
  }
  await groups.flush();
  return touched.length;
}

/** A lookup row as the driver returns it (MySQL: VARBINARY as Buffer, name_key as text; SQLite: BLOBs as Buffer). */
function readLookupRow(row: Record<(typeof LOOKUP_COLUMNS)[number], unknown>): LookupRow {
  const bytes = (value: unknown) => (Buffer.isBuffer(value) ? value : Buffer.from(String(value ?? ''), 'utf8'));
  return {
    user_id: Number(row.user_id),
    role_group: Number(row.role_group),
    name_key: Buffer.isBuffer(row.name_key) ? row.name_key : String(row.name_key ?? ''),
    registered: Buffer.isBuffer(row.registered) ? row.registered.toString('latin1') : String(row.registered ?? ''),
    fold_login: bytes(row.fold_login),
    fold_url: bytes(row.fold_url),
    fold_email: bytes(row.fold_email),
    fold_nicename: bytes(row.fold_nicename),
    fold_display: bytes(row.fold_display),
  };
}
