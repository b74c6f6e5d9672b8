import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import type { KeptUsers, StoredUser } from '../store/loadUsers';
import { LOOKUP_TABLES } from './lookupTables';
import { userSnapshotCodec } from './userSnapshotCodec';
import { readWhenPresent } from './readWhenPresent';

/**
 * The users whose snapshot is current — labelled with the version the user has now, so neither the user's row nor
 * any of its meta changed since it was taken (writeUserSnapshots.ts) — by id. One row a user instead of a users row
 * and its few dozen meta rows, each found through the usermeta index.
 */
export async function readUserSnapshots(db: Db, ids: readonly number[]): Promise<Map<number, StoredUser>> {
  const listed = inList(db.dialect, 's.user_id', ids);
  // Primary-key lookups: on SQLite a page's worth stays on the event loop (a worker's round trip costs more).
  const read = ids.length > 100 ? db.queryLong.bind(db) : db.query.bind(db);
  const rows = await read<{ user_id: number | string; data: string }>(
    `SELECT s.user_id, s.data FROM ${db.table(LOOKUP_TABLES.snapshots)} s
       JOIN ${db.table(LOOKUP_TABLES.versions)} v ON v.user_id = s.user_id AND v.version = s.version
      WHERE ${listed.sql}`,
    listed.params,
  );
  const codec = userSnapshotCodec(db.prefix);
  const users = new Map<number, StoredUser>();
  for (const row of rows) {
    const user = codec.decode(row.data);
    if (user) users.set(Number(row.user_id), user);
  }
  return users;
}

/** loadUsers' source of kept users: the snapshots, or none while they cannot be read. */
export function keptUsersFromSnapshots(db: Db): KeptUsers {
  return readWhenPresent(
    (ids: readonly number[]) => readUserSnapshots(db, ids),
    () => new Map(),
  );
}
