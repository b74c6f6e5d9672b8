import { createHmac, randomBytes } from 'node:crypto';
import { isKeyPermission } from './keyPermissions';
import { sanitizeTextField } from '../wp/sanitizeTextField';
import type { AuthenticatedKey } from './types';
import type { Db } from '../db/types';
import type { DriverRow, Row } from '../db/rows';
import type { WpUser } from '../../entities';
import type { WcApiKey } from '../../plugins/woocommerce-core/tables/WcApiKey';

/**
 * API keys in `{prefix}woocommerce_api_keys`, stored exactly as WooCommerce stores them, so keys made by either side
 * work on both: the consumer key only as its hash, the secret in plain text, the last 7 characters of the key for display.
 */

export type ApiKeyPermissions = AuthenticatedKey['permissions'];

export interface NewApiKey {
  userId: number;
  permissions: ApiKeyPermissions;
  description?: string;
}

export interface CreatedApiKey {
  keyId: number;
  userId: number;
  /** `ck_…` — shown once: only its hash is stored. */
  consumerKey: string;
  consumerSecret: string;
  permissions: ApiKeyPermissions;
  truncatedKey: string;
}

/** A key as listed (never with its secret). */
export interface ApiKeySummary {
  keyId: number;
  userId: number;
  /** The owner's login, or null when the user no longer exists. */
  userLogin: string | null;
  description: string;
  permissions: string;
  truncatedKey: string;
  /** Site-local `Y-m-d H:i:s`, or null when never used. */
  lastAccess: string | null;
}

/** What authentication needs from a key row (WooCommerce's get_user_data_by_consumer_key, plus last_access). */
export interface StoredApiKey {
  keyId: number;
  userId: number;
  /** As stored; rows written by other software may hold anything, so this is not narrowed. */
  permissions: string;
  consumerSecret: string;
  /** The raw `nonces` column (PHP-serialized array), or null. */
  nonces: string | null;
  lastAccess: string | null;
}

/** The `description` column is varchar(200). */
export const MAX_DESCRIPTION_LENGTH = 200;

/** wc_api_hash(): hex HMAC-SHA256 of the plain consumer key with the key `wc-api`. */
export function hashConsumerKey(consumerKey: string): string {
  return createHmac('sha256', 'wc-api').update(consumerKey, 'utf8').digest('hex');
}

/** `ck_` and `cs_` followed by 40 hex digits from the CSPRNG (WooCommerce's wc_rand_hash(): 20 random bytes). */
export function generateApiKey(): { consumerKey: string; consumerSecret: string } {
  return {
    consumerKey: `ck_${randomBytes(20).toString('hex')}`,
    consumerSecret: `cs_${randomBytes(20).toString('hex')}`,
  };
}

export async function createApiKey(db: Db, input: NewApiKey): Promise<CreatedApiKey> {
  if (!isKeyPermission(input.permissions)) {
    throw new Error(`Permissions must be read, write or read_write, got "${String(input.permissions)}".`);
  }
  const description = input.description ?? '';
  if ([...description].length > MAX_DESCRIPTION_LENGTH) {
    throw new Error(`The description may be at most ${MAX_DESCRIPTION_LENGTH} characters long.`);
  }
  const { consumerKey, consumerSecret } = generateApiKey();
  const truncatedKey = consumerKey.slice(-7);
  const result = await db.execute(
    `INSERT INTO ${db.table('woocommerce_api_keys')}
       (user_id, description, permissions, consumer_key, consumer_secret, truncated_key)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [input.userId, description, input.permissions, hashConsumerKey(consumerKey), consumerSecret, truncatedKey],
  );
  return {
    keyId: result.insertId,
    userId: input.userId,
    consumerKey,
    consumerSecret,
    permissions: input.permissions,
    truncatedKey,
  };
}

export async function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  const rows = await db.query<
    Pick<DriverRow<WcApiKey>, 'key_id' | 'user_id' | 'description' | 'permissions' | 'truncated_key'> & {
      last_access: unknown;
      user_login: Row<WpUser>['user_login'] | null;
    }
  >(
    `SELECT k.key_id, k.user_id, u.user_login, k.description, k.permissions, k.truncated_key, k.last_access
       FROM ${db.table('woocommerce_api_keys')} k
       LEFT JOIN ${db.table('users')} u ON u.ID = k.user_id
      ORDER BY k.key_id`,
  );
  return rows.map((row) => ({
    keyId: Number(row.key_id),
    userId: Number(row.user_id),
    userLogin: row.user_login ?? null,
    description: row.description ?? '',
    permissions: row.permissions,
    truncatedKey: row.truncated_key,
    lastAccess: readDatetime(row.last_access),
  }));
}

/** Deletes one key; false when there was no such key. */
export async function revokeApiKey(db: Db, keyId: number): Promise<boolean> {
  const result = await db.execute(`DELETE FROM ${db.table('woocommerce_api_keys')} WHERE key_id = ?`, [keyId]);
  return result.affectedRows > 0;
}

/** Deletes every key of a user, as WooCommerce does on `delete_user`; returns how many were deleted. */
export async function deleteApiKeysOfUser(db: Db, userId: number): Promise<number> {
  const result = await db.execute(`DELETE FROM ${db.table('woocommerce_api_keys')} WHERE user_id = ?`, [userId]);
  return result.affectedRows;
}

/** Looks a key up by its plain consumer key, sanitized first as WooCommerce does (wc_api_hash(sanitize_text_field(ck))). */
export async function findApiKeyByConsumerKey(db: Db, consumerKey: string): Promise<StoredApiKey | null> {
  const rows = await db.query<StoredApiKeyRow>(
    `SELECT key_id, user_id, permissions, consumer_secret, nonces, last_access
       FROM ${db.table('woocommerce_api_keys')}
      WHERE consumer_key = ?
      LIMIT 1`,
    [hashConsumerKey(sanitizeTextField(consumerKey))],
  );
  const row = rows[0];
  return row ? storedApiKeyFromRow(row) : null;
}

/**
 * The columns findApiKeyByConsumerKey selects, typed by the table's entity (plugins/woocommerce-core/tables/WcApiKey.ts);
 * last_access is read with readDatetime whatever form the driver gives it.
 */
export type StoredApiKeyRow = Pick<
  DriverRow<WcApiKey>,
  'key_id' | 'user_id' | 'permissions' | 'consumer_secret' | 'nonces'
> & {
  last_access: unknown;
};

/** A `{prefix}woocommerce_api_keys` row (the columns findApiKeyByConsumerKey selects) as a StoredApiKey. */
export function storedApiKeyFromRow(row: StoredApiKeyRow): StoredApiKey {
  return {
    keyId: Number(row.key_id),
    userId: Number(row.user_id),
    permissions: row.permissions,
    consumerSecret: row.consumer_secret,
    nonces: row.nonces ?? null,
    lastAccess: readDatetime(row.last_access),
  };
}

function readDatetime(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}
