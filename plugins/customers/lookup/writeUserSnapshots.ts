import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import { readStoredUsers } from '../store/loadUsers';
import { LOOKUP_TABLES } from './lookupTables';
import { userSnapshotCodec } from './userSnapshotCodec';
import { storedNewer } from './storedNewer';

/** A user whose row and meta come to more characters than this is not kept (it is read from WordPress's tables). */
const LARGEST_SNAPSHOT = 256 * 1024;
const ROWS_PER_INSERT = 100;

/** Snapshots made for some users: `[user_id, version, data]` rows to store. */
export interface ComputedSnapshots {
  ids: readonly number[];
  rows: Array<[number, number, string]>;
}

/**
 * The users' snapshots: each user as stored (its users row and every meta row, as loadUsers reads them), labelled
 * with the user's version read BEFORE the user was. Any write to a user's row or meta bumps that version in the
 * writer's transaction (lookupTriggers.ts), so a snapshot whose label still equals the version is the user as
 * WordPress's tables hold it now (readUserSnapshots.ts); one read after a write is labelled with a version already
 * passed, and never used. Users without a version (not in the lookup yet) or that no longer exist get none.
 */
export async function computeUserSnapshots(db: Db, ids: readonly number[]): Promise<ComputedSnapshots> {
  if (ids.length === 0) return { ids, rows: [] };
  const byUser = inList(db.dialect, 'user_id', ids);
  const versionRows = await db.query<{ user_id: number | string; version: number | string }>(
    `SELECT user_id, version FROM ${db.table(LOOKUP_TABLES.versions)} WHERE ${byUser.sql}`,
    byUser.params,
  );
  const versions = new Map(versionRows.map((row) => [Number(row.user_id), Number(row.version)]));
  const users = await readStoredUsers(
    db,
    ids.filter((id) => versions.has(id)),
  );
  const codec = userSnapshotCodec(db.prefix);
  const rows: ComputedSnapshots['rows'] = [];
  for (const [id, user] of users) {
    const data = codec.encode(user);
    if (data.length <= LARGEST_SNAPSHOT) rows.push([id, versions.get(id) ?? 0, data]);
  }
  return { ids, rows };
}

/**
 * Replaces the snapshots of `computed.ids` (a user that is gone loses its own), inside the caller's transaction and
 * under the lookup's lock. `keepNewer`: a user whose stored snapshot carries a version at least as high as the
 * computed label keeps it (another writer read the user later).
 */
export async function storeUserSnapshots(
  tx: Db,
  computed: ComputedSnapshots,
  options: { keepNewer: boolean },
): Promise<void> {
  if (computed.ids.length === 0) return;
  const table = tx.table(LOOKUP_TABLES.snapshots);
  let replaced = computed.ids;
  let rows = computed.rows;
  if (options.keepNewer) {
    const labels = new Map(rows.map(([id, version]) => [id, version]));
    const newer = await storedNewer(tx, { table, idColumn: 'user_id' }, computed.ids, labels);
    replaced = replaced.filter((id) => !newer.has(id));
    rows = rows.filter(([id]) => !newer.has(id));
  }
  const byUser = inList(tx.dialect, 'user_id', replaced);
  await tx.execute(`DELETE FROM ${table} WHERE ${byUser.sql}`, byUser.params);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await tx.execute(
      `INSERT INTO ${table} (user_id, version, data) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

/** Rewrites the snapshots of `ids` from WordPress's tables as they are now, inside the caller's transaction. */
export async function writeUserSnapshots(tx: Db, ids: readonly number[]): Promise<void> {
  await storeUserSnapshots(tx, await computeUserSnapshots(tx, ids), { keepNewer: false });
}
