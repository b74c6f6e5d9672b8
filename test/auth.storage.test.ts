import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createOptionsApi } from '../src/host/options';
import {
  createApiKey,
  deleteApiKeysOfUser,
  findApiKeyByConsumerKey,
  hashConsumerKey,
  listApiKeys,
  revokeApiKey,
} from '../src/auth/apiKeys';
import { loadCurrentUser } from '../src/auth/currentUser';
import { userCan } from '../src/auth/userCan';
import { consumeNonce } from '../src/auth/oauth1/nonceStore';
import type { Db } from '../src/db/types';
import type { OptionsApi } from '../src/host/types';

/** API key rows, the current user's capabilities and the nonce store, against a migrated and seeded database. */
let database: TestDatabase;
let first: OpenDb;
let second: OpenDb;
let db: Db;
let options: OptionsApi;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await openDb(database.url);
  await migrate(first.db, createLogger('silent'));
  // A second connection pool, as another wc-host process sharing the database would have.
  second = await openDb(database.url);
  db = first.db;
  options = createOptionsApi(db, { cacheTtlMs: 0 });
});

afterAll(async () => {
  await second.close();
  await first.close();
  await database.drop();
});

async function insertUser(login: string, capabilities: string | null): Promise<number> {
  const result = await db.execute(
    `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
     VALUES (?, '', ?, ?, '', '2025-01-01 00:00:00', '', 0, ?)`,
    [login, login, `${login}@example.com`, login],
  );
  if (capabilities !== null) {
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'wp_capabilities', ?)`,
      [result.insertId, capabilities],
    );
  }
  return result.insertId;
}

describe('API key rows', () => {
  it('creates a key and finds it by the plain consumer key (sanitized like sanitize_text_field)', async () => {
    const created = await createApiKey(db, { userId: 1, permissions: 'read_write', description: 'Sync' });
    expect(created).toMatchObject({
      userId: 1,
      permissions: 'read_write',
      truncatedKey: created.consumerKey.slice(-7),
    });
    const expected = {
      keyId: created.keyId,
      userId: 1,
      permissions: 'read_write',
      consumerSecret: created.consumerSecret,
      nonces: null,
      lastAccess: null,
    };
    await expect(findApiKeyByConsumerKey(db, created.consumerKey)).resolves.toEqual(expected);
    await expect(findApiKeyByConsumerKey(db, ` \t${created.consumerKey}\n`)).resolves.toEqual(expected);
    await expect(findApiKeyByConsumerKey(db, `${created.consumerKey}x`)).resolves.toBeNull();
  });

  it('refuses bad permissions and over-long descriptions, counting characters', async () => {
    await expect(createApiKey(db, { userId: 1, permissions: 'admin' as 'read' })).rejects.toThrow(
      'Permissions must be read, write or read_write, got "admin".',
    );
    await expect(createApiKey(db, { userId: 1, permissions: 'read', description: 'x'.repeat(201) })).rejects.toThrow(
      'The description may be at most 200 characters long.',
    );
    const longest = await createApiKey(db, { userId: 1, permissions: 'read', description: 'é'.repeat(200) });
    const listed = (await listApiKeys(db)).find((key) => key.keyId === longest.keyId);
    expect(listed?.description).toBe('é'.repeat(200));
  });

  it('lists keys with the owner login and never a secret', async () => {
    const created = await createApiKey(db, { userId: 1, permissions: 'write' });
    const listed = (await listApiKeys(db)).find((key) => key.keyId === created.keyId);
    expect(listed).toEqual({
      keyId: created.keyId,
      userId: 1,
      userLogin: 'admin',
      description: '',
      permissions: 'write',
      truncatedKey: created.consumerKey.slice(-7),
      lastAccess: null,
    });
  });

  it('revokes one key', async () => {
    const created = await createApiKey(db, { userId: 1, permissions: 'read' });
    await expect(revokeApiKey(db, created.keyId)).resolves.toBe(true);
    await expect(revokeApiKey(db, created.keyId)).resolves.toBe(false);
    await expect(findApiKeyByConsumerKey(db, created.consumerKey)).resolves.toBeNull();
  });

  it('deletes all keys of one user only', async () => {
    const userId = await insertUser('key.owner', null);
    const own = [
      await createApiKey(db, { userId, permissions: 'read' }),
      await createApiKey(db, { userId, permissions: 'write' }),
    ];
    const admins = await createApiKey(db, { userId: 1, permissions: 'read' });
    await expect(deleteApiKeysOfUser(db, userId)).resolves.toBe(2);
    for (const key of own) await expect(findApiKeyByConsumerKey(db, key.consumerKey)).resolves.toBeNull();
    await expect(findApiKeyByConsumerKey(db, admins.consumerKey)).resolves.not.toBeNull();
  });

  it('hashes with HMAC-SHA256 so a WooCommerce-made row is found', async () => {
    await db.execute(
      `INSERT INTO ${db.table('woocommerce_api_keys')} (user_id, description, permissions, consumer_key, consumer_secret, truncated_key)
       VALUES (1, 'Woo', 'read', ?, 'cs_abcdef1234567890abcdef1234567890abcdef12', '2345678')`,
      ['59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3'],
    );
    expect(hashConsumerKey('ck_1234567890abcdef1234567890abcdef12345678')).toBe(
      '59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3',
    );
    await expect(findApiKeyByConsumerKey(db, 'ck_1234567890abcdef1234567890abcdef12345678')).resolves.toMatchObject({
      permissions: 'read',
      consumerSecret: 'cs_abcdef1234567890abcdef1234567890abcdef12',
    });
  });
});

describe('loadCurrentUser', () => {
  it('loads the seeded administrator with WordPress and WooCommerce capabilities', async () => {
    const admin = await loadCurrentUser(db, options, 1);
    expect(admin).toMatchObject({ id: 1, login: 'admin', roles: ['administrator'] });
    for (const cap of [
      'administrator',
      'list_users',
      'edit_users',
      'delete_users',
      'promote_users',
      'create_users',
      'create_customers',
    ]) {
      expect(userCan(admin, cap)).toBe(true);
    }
  });

  it('returns null for a missing user or a non-positive ID', async () => {
    await expect(loadCurrentUser(db, options, 987654)).resolves.toBeNull();
    await expect(loadCurrentUser(db, options, 0)).resolves.toBeNull();
    await expect(loadCurrentUser(db, options, -1)).resolves.toBeNull();
  });

  it('gives a user without capabilities meta no roles', async () => {
    const id = await insertUser('no.caps', null);
    await expect(loadCurrentUser(db, options, id)).resolves.toMatchObject({ id, roles: [], allcaps: {} });
  });

  it('merges role caps with per-user caps and ignores keys that are not registered roles', async () => {
    const id = await insertUser('mixed', 'a:3:{s:8:"customer";b:1;s:10:"list_users";b:1;s:7:"pirates";b:1;}');
    const user = await loadCurrentUser(db, options, id);
    expect(user?.roles).toEqual(['customer']);
    expect(userCan(user, 'read')).toBe(true);
    expect(userCan(user, 'list_users')).toBe(true);
    expect(userCan(user, 'edit_users')).toBe(false);
  });

  it('shares one read-only capabilities map between users with the same stored capabilities', async () => {
    // As the host reads options (cached: one roles object per period), not as this file's uncached API does.
    const hostOptions = createOptionsApi(db);
    const first = await loadCurrentUser(db, hostOptions, await insertUser('shared.one', 'a:1:{s:8:"customer";b:1;}'));
    const second = await loadCurrentUser(db, hostOptions, await insertUser('shared.two', 'a:1:{s:8:"customer";b:1;}'));
    expect(second?.allcaps).toBe(first?.allcaps);
    expect(Object.isFrozen(first?.allcaps)).toBe(true);
    expect(Object.isFrozen(first?.roles)).toBe(true);
  });

  it('lets a per-user false deny a role capability', async () => {
    const id = await insertUser('denied', 'a:2:{s:8:"customer";b:1;s:4:"read";b:0;}');
    expect(userCan(await loadCurrentUser(db, options, id), 'read')).toBe(false);
  });

  it('uses the first capabilities row, as get_user_meta( single ) does', async () => {
    const id = await insertUser('two.rows', 'a:1:{s:8:"customer";b:1;}');
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'wp_capabilities', ?)`,
      [id, 'a:1:{s:13:"administrator";b:1;}'],
    );
    await expect(loadCurrentUser(db, options, id)).resolves.toMatchObject({ roles: ['customer'] });
  });

  it('follows the user_roles option, reading stored caps with PHP truthiness', async () => {
    const id = await insertUser('promoted.customer', 'a:1:{s:8:"customer";b:1;}');
    // Read once before the change, so capabilities computed for the old role definitions are already cached.
    expect(userCan(await loadCurrentUser(db, options, id), 'list_users')).toBe(false);
    const roles = (await options.get('wp_user_roles')) as Record<
      string,
      { name: string; capabilities: Record<string, unknown> }
    >;
    const original = JSON.parse(JSON.stringify(roles)) as typeof roles;
    roles.customer.capabilities.list_users = 1;
    roles.customer.capabilities.edit_users = '0';
    await options.update('wp_user_roles', roles);
    try {
      const user = await loadCurrentUser(db, options, id);
      expect(userCan(user, 'list_users')).toBe(true);
      expect(userCan(user, 'edit_users')).toBe(false);
    } finally {
      await options.update('wp_user_roles', original);
    }
  });
});

describe('nonce store', () => {
  it('accepts a nonce once, even when requests race from two connections', async () => {
    const key = await createApiKey(db, { userId: 1, permissions: 'read' });
    const now = Math.floor(Date.now() / 1000);
    // SQLite: one process cannot hold two interleaved write transactions on one file (BEGIN IMMEDIATE would block its
    // own event loop), so both racers share the connection there; MySQL races two pools through GET_LOCK.
    const other = db.dialect === 'mysql' ? second.db : db;
    for (let round = 0; round < 10; round++) {
      const nonce = `race-${round}`;
      const results = await Promise.all([
        consumeNonce(db, key.keyId, now, nonce, now),
        consumeNonce(other, key.keyId, now, nonce, now),
        consumeNonce(db, key.keyId, now + 1, nonce, now),
        consumeNonce(other, key.keyId, now + 2, nonce, now),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('keeps one nonce per timestamp and prunes entries older than 15 minutes, in WooCommerce format', async () => {
    const key = await createApiKey(db, { userId: 1, permissions: 'read' });
    const now = 1700000000;
    const table = db.table('woocommerce_api_keys');
    await db.execute(`UPDATE ${table} SET nonces = ? WHERE key_id = ?`, [
      `a:2:{i:${now - 901};s:3:"old";i:${now - 10};s:3:"new";}`,
      key.keyId,
    ]);
    await expect(consumeNonce(db, key.keyId, now, 'abc', now)).resolves.toBe(true);
    await expect(consumeNonce(db, key.keyId, now, 'def', now)).resolves.toBe(true);
    await expect(consumeNonce(db, key.keyId, now + 5, 'new', now)).resolves.toBe(false);
    const rows = await db.query<{ nonces: string }>(`SELECT nonces FROM ${table} WHERE key_id = ?`, [key.keyId]);
    expect(rows[0].nonces).toBe(`a:2:{i:${now - 10};s:3:"new";i:${now};s:3:"def";}`);
  });
});
