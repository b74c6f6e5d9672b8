import type { Db } from '../../../src/db/types';
import { maybeSerialize, maybeUnserialize } from '../../../src/wp/phpSerialize';

/** Keys whose *update* makes WooCommerce bump `last_update` (wc_meta_update_last_update_time). */
export function isLastUpdateField(key: string): boolean {
  return key === 'first_name' || key === 'last_name' || key.startsWith('billing_') || key.startsWith('shipping_');
}

/** add_user_meta: always a new row. */
export async function addUserMeta(tx: Db, userId: number, key: string, value: unknown): Promise<number> {
  const result = await tx.execute(
    `INSERT INTO ${tx.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`,
    [userId, key, maybeSerialize(value)],
  );
  return result.insertId;
}

/**
 * add_user_meta for each entry, in order, as one multi-row INSERT: the rows (and their ascending umeta_id order) are
 * what the separate inserts wp_insert_user makes would leave, in one round trip instead of one per key.
 */
export async function addUserMetaRows(
  tx: Db,
  userId: number,
  entries: ReadonlyArray<readonly [string, unknown]>,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(
    `INSERT INTO ${tx.table('usermeta')} (user_id, meta_key, meta_value) VALUES ${entries.map(() => '(?, ?, ?)').join(', ')}`,
    entries.flatMap(([key, value]) => [userId, key, maybeSerialize(value)]),
  );
}

export type MetaWrite = 'added' | 'updated' | 'unchanged';

/**
 * update_user_meta: adds the key when absent; does nothing when the single stored value is identical; otherwise
 * rewrites every row of the key (as WordPress's UPDATE ... WHERE user_id AND meta_key does).
 * When an update (not an add) touches a name or address key, `last_update` is bumped as WooCommerce's hook does.
 */
export async function updateUserMeta(
  tx: Db,
  userId: number,
  key: string,
  value: unknown,
  now: () => number,
): Promise<MetaWrite> {
  const rows = await tx.query<{ meta_value: string | null }>(
    `SELECT meta_value FROM ${tx.table('usermeta')} WHERE user_id = ? AND meta_key = ?`,
    [userId, key],
  );
  if (rows.length === 0) {
    await addUserMeta(tx, userId, key, value);
    return 'added';
  }
  if (rows.length === 1 && sameMetaValue(maybeUnserialize(rows[0].meta_value ?? ''), value)) return 'unchanged';
  await tx.execute(`UPDATE ${tx.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
    maybeSerialize(value),
    userId,
    key,
  ]);
  if (isLastUpdateField(key)) await touchLastUpdate(tx, userId, now);
  return 'updated';
}

/** Sets `last_update` to now (WooCommerce's profile_update / updated_user_meta listeners). */
export async function touchLastUpdate(tx: Db, userId: number, now: () => number): Promise<void> {
  const value = String(now());
  const result = await tx.execute(
    `UPDATE ${tx.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = 'last_update'`,
    [value, userId],
  );
  if (result.affectedRows === 0) {
    const exists = await tx.query(
      `SELECT umeta_id FROM ${tx.table('usermeta')} WHERE user_id = ? AND meta_key = 'last_update' LIMIT 1`,
      [userId],
    );
    if (exists.length === 0) await addUserMeta(tx, userId, 'last_update', value);
  }
}

/** update_metadata_by_mid: one row, key and value. */
export async function updateUserMetaById(tx: Db, metaId: number, key: string, value: unknown): Promise<void> {
  await tx.execute(`UPDATE ${tx.table('usermeta')} SET meta_key = ?, meta_value = ? WHERE umeta_id = ?`, [
    key,
    maybeSerialize(value),
    metaId,
  ]);
}

export async function deleteUserMetaById(tx: Db, metaId: number): Promise<void> {
  await tx.execute(`DELETE FROM ${tx.table('usermeta')} WHERE umeta_id = ?`, [metaId]);
}

/** PHP's `===` between the stored (unserialized) value and the new one, for the values meta can hold. */
function sameMetaValue(stored: unknown, value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return false;
  if (typeof value === 'string' || value === null) return stored === value;
  return JSON.stringify(stored) === JSON.stringify(value);
}
