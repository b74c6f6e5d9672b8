import { hashConsumerKey, storedApiKeyFromRow, type StoredApiKey, type StoredApiKeyRow } from './apiKeys';
import { capabilitiesSubquery, type CurrentUserRow } from './currentUser';
import { sanitizeTextField } from '../wp/sanitizeTextField';
import { boundedMemo } from '../cache/boundedMemo';
import type { Db } from '../db/types';

/**
 * findApiKeyByConsumerKey and loadCurrentUser's read of the key's user (login, email, first `{prefix}capabilities`
 * row) in one query: a request authenticated with a plain key costs one round trip for both. Null when no key has
 * this consumer key; `user` is null when the key's user does not exist (or its id could not be a user's).
 *
 * Equivalent to the two queries: the lowest key_id wins among duplicate consumer keys (what the index returns
 * first), and the user's capabilities row is the first by umeta_id.
 */
export async function findKeyWithUser(
  db: Db,
  consumerKey: string,
): Promise<{ key: StoredApiKey; user: CurrentUserRow | null } | null> {
  // The LEFT JOIN makes the user's columns NULL when the key's user does not exist.
  const rows = await db.query<StoredApiKeyRow & { [Column in keyof CurrentUserRow]: CurrentUserRow[Column] | null }>(
    `SELECT k.key_id, k.user_id, k.permissions, k.consumer_secret, k.nonces, k.last_access,
            u.ID, u.user_login, u.user_email, (${capabilitiesSubquery(db)}) AS meta_value
       FROM ${db.table('woocommerce_api_keys')} k
       LEFT JOIN ${db.table('users')} u ON u.ID = k.user_id
      WHERE k.consumer_key = ?
      ORDER BY k.key_id
      LIMIT 1`,
    [`${db.prefix}capabilities`, lookupHash(consumerKey)],
  );
  const row = rows[0];
  if (!row) return null;
  const key = storedApiKeyFromRow(row);
  const userExists = row.ID !== null && row.ID !== undefined && Number.isSafeInteger(key.userId) && key.userId > 0;
  return {
    key,
    user: userExists
      ? { ID: row.ID, user_login: row.user_login ?? '', user_email: row.user_email ?? '', meta_value: row.meta_value }
      : null,
  };
}

/**
 * What `consumer_key` holds for a key as sent: WooCommerce's sanitize_text_field + wc_api_hash. Remembered per key,
 * since the same few keys come with every request and an HMAC (key set-up included) was ~5 % of a GET's CPU. Only the
 * hash is remembered: the table is read on every request.
 */
const lookupHash = boundedMemo(1000, (consumerKey) => hashConsumerKey(sanitizeTextField(consumerKey)));
