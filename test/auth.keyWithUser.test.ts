import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createOptionsApi } from '../src/host/options';
import { createApiKey, findApiKeyByConsumerKey, hashConsumerKey, revokeApiKey } from '../src/auth/apiKeys';
import { currentUserFromRow, loadCurrentUser } from '../src/auth/currentUser';
import { findKeyWithUser } from '../src/auth/findKeyWithUser';
import type { Db } from '../src/db/types';
import type { OptionsApi } from '../src/host/types';

/**
 * The plain-key hot path reads the key and its user in one query (findKeyWithUser); it must see exactly what the two
 * separate reads (findApiKeyByConsumerKey, then loadCurrentUser) see.
 */
let database: TestDatabase;
let opened: OpenDb;
let db: Db;
let options: OptionsApi;

beforeAll(async () => {
  database = await createTestDatabase();
  opened = await openDb(database.url);
  db = opened.db;
  await migrate(db, createLogger('silent'));
  options = createOptionsApi(db, { cacheTtlMs: 0 });
});

afterAll(async () => {
  await opened.close();
  await database.drop();
});

async function insertUser(login: string, ...capabilities: string[]): Promise<number> {
  const result = await db.execute(
    `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
     VALUES (?, '', ?, ?, '', '2025-01-01 00:00:00', '', 0, ?)`,
    [login, login, `${login}@example.com`, login],
  );
  await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'nickname', ?)`, [
    result.insertId,
    login,
  ]);
  for (const value of capabilities) {
    await db.execute(
      `INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'wp_capabilities', ?)`,
      [result.insertId, value],
    );
  }
  return result.insertId;
}

async function expectSameAsTwoReads(consumerKey: string): Promise<void> {
  const joined = await findKeyWithUser(db, consumerKey);
  const key = await findApiKeyByConsumerKey(db, consumerKey);
  expect(joined?.key ?? null).toEqual(key);
  if (!key || !joined) return;
  const separate = await loadCurrentUser(db, options, key.userId);
  const fromJoin = joined.user ? await currentUserFromRow(db, options, joined.user) : null;
  expect(fromJoin).toEqual(separate);
}

describe('findKeyWithUser', () => {
  it('reads the administrator key and user as the two separate reads do', async () => {
    const key = await createApiKey(db, { userId: 1, permissions: 'read_write' });
    await expectSameAsTwoReads(key.consumerKey);
    await expectSameAsTwoReads(` ${key.consumerKey}\n`);
    expect((await findKeyWithUser(db, key.consumerKey))?.user).toMatchObject({ ID: 1, user_login: 'admin' });
  });

  it('reads the table on every lookup: a key revoked after use is not found, a sanitized variant still is', async () => {
    const key = await createApiKey(db, { userId: 1, permissions: 'read' });
    expect((await findKeyWithUser(db, key.consumerKey))?.key.keyId).toBe(key.keyId);
    expect((await findKeyWithUser(db, `\t${key.consumerKey} `))?.key.keyId).toBe(key.keyId);
    await revokeApiKey(db, key.keyId);
    await expect(findKeyWithUser(db, key.consumerKey)).resolves.toBeNull();
    await expect(findKeyWithUser(db, `\t${key.consumerKey} `)).resolves.toBeNull();
  });

  it('finds nothing for an unknown key', async () => {
    await expect(findKeyWithUser(db, 'ck_0000000000000000000000000000000000000000')).resolves.toBeNull();
  });

  it('gives no user for a key whose user is gone, or whose user_id is 0', async () => {
    const gone = await createApiKey(db, { userId: 987654, permissions: 'read' });
    await expectSameAsTwoReads(gone.consumerKey);
    expect((await findKeyWithUser(db, gone.consumerKey))?.user).toBeNull();
    const zero = await createApiKey(db, { userId: 0, permissions: 'read' });
    await expectSameAsTwoReads(zero.consumerKey);
    expect((await findKeyWithUser(db, zero.consumerKey))?.user).toBeNull();
  });

  it('handles a user without capabilities and one with two capabilities rows (the first wins)', async () => {
    const bare = await createApiKey(db, { userId: await insertUser('bare.user'), permissions: 'read' });
    await expectSameAsTwoReads(bare.consumerKey);
    const twoRows = await insertUser('two.rows', 'a:1:{s:8:"customer";b:1;}', 'a:1:{s:13:"administrator";b:1;}');
    const key = await createApiKey(db, { userId: twoRows, permissions: 'read' });
    await expectSameAsTwoReads(key.consumerKey);
    const user = (await findKeyWithUser(db, key.consumerKey))?.user;
    expect(user && (await currentUserFromRow(db, options, user)).roles).toEqual(['customer']);
  });

  it('takes the lowest key_id when two rows share a consumer key', async () => {
    const first = await createApiKey(db, {
      userId: await insertUser('dup.first', 'a:1:{s:8:"customer";b:1;}'),
      permissions: 'read',
    });
    const other = await insertUser('dup.second', 'a:1:{s:10:"subscriber";b:1;}');
    await db.execute(
      `INSERT INTO ${db.table('woocommerce_api_keys')} (user_id, description, permissions, consumer_key, consumer_secret, truncated_key) VALUES (?, '', 'read', ?, 'cs_other', 'xxxxxxx')`,
      [other, hashConsumerKey(first.consumerKey)],
    );
    await expectSameAsTwoReads(first.consumerKey);
    expect((await findKeyWithUser(db, first.consumerKey))?.key.keyId).toBe(first.keyId);
  });
});
