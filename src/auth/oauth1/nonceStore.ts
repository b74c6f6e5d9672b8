import { phpSerialize, maybeUnserialize } from '../../wp/phpSerialize';
import { recordNonce, type NonceLog } from './nonceLog';
import type { Db } from '../../db/types';

/**
 * Records a nonce in the key's `nonces` column, refusing one already there. The read-modify-write runs in a
 * transaction holding a per-key lock (MySQL GET_LOCK, SQLite's write lock), so two processes sharing the database
 * cannot both accept the same nonce. (WooCommerce itself does this without locking; its format is kept.)
 * Returns false for a replay.
 */
export async function consumeNonce(
  db: Db,
  keyId: number,
  timestamp: number,
  nonce: string,
  nowSeconds: number,
): Promise<boolean> {
  const table = db.table('woocommerce_api_keys');
  return db.transaction(
    async (tx) => {
      const rows = await tx.query<{ nonces: string | null }>(`SELECT nonces FROM ${table} WHERE key_id = ?`, [keyId]);
      const check = recordNonce(readNonceLog(rows[0]?.nonces ?? null), timestamp, nonce, nowSeconds);
      if (!check.accepted) return false;
      await tx.execute(`UPDATE ${table} SET nonces = ? WHERE key_id = ?`, [writeNonceLog(check.log), keyId]);
      return true;
    },
    { lock: `wc_host_api_key_${keyId}` },
  );
}

/** The stored PHP array `timestamp ⇒ nonce`; anything that is not an array counts as empty, as in WooCommerce. */
export function readNonceLog(stored: string | null): NonceLog {
  if (stored === null || stored === '') return [];
  const value = maybeUnserialize(stored);
  if (value === null || typeof value !== 'object') return [];
  // Integer keys come back as numeric property names; anything else cannot be a timestamp (NaN is always pruned).
  return Object.entries(value).map(
    ([timestamp, used]) => [/^-?\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN, used] as const,
  );
}

/** Serializes the log as PHP does: `a:1:{i:1700000000;s:32:"…";}`, integer keys in log order. */
export function writeNonceLog(log: NonceLog): string {
  return phpSerialize(new Map(log));
}
