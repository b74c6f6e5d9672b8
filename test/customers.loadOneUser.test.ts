import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createOptionsApi } from '../src/host/options';
import { loadUser, loadUsers } from '../plugins/customers/store/loadUsers';
import type { RolesOption } from '../src/wp/capabilities';
import type { Db } from '../src/db/types';

/** One user loads in a single joined query; it must come back exactly as the many-user path loads it. */
let database: TestDatabase;
let opened: OpenDb;
let db: Db;
let roles: RolesOption;

beforeAll(async () => {
  database = await createTestDatabase();
  opened = await openDb(database.url);
  db = opened.db;
  await migrate(db, createLogger('silent'));
  roles = await createOptionsApi(db).get('wp_user_roles', {
    parse: (stored) => stored as unknown as RolesOption,
    default: {},
  });
});

afterAll(async () => {
  await opened.close();
  await database.drop();
});

async function insertUser(login: string, meta: Array<[string | null, string | null]>): Promise<number> {
  const result = await db.execute(
    `INSERT INTO ${db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
     VALUES (?, 'hash', ?, ?, '', '2025-01-02 03:04:05', '', 0, ?)`,
    [login, login, `${login}@example.com`, login],
  );
  for (const [key, value] of meta) {
    await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
      result.insertId,
      key,
      value,
    ]);
  }
  return result.insertId;
}

it('loads one user (with meta, without meta, with NULL keys or values) as the many-user path does', async () => {
  const withMeta = await insertUser('with.meta', [
    ['wp_capabilities', 'a:1:{s:8:"customer";b:1;}'],
    ['first_name', 'Ana'],
    ['first_name', 'Second'],
    ['billing_city', null],
    [null, 'orphan key'],
  ]);
  const withoutMeta = await insertUser('without.meta', []);
  for (const id of [withMeta, withoutMeta, 1]) {
    const [many] = (await loadUsers(db, [id, 987654], roles)).filter((user) => user.ID === id);
    expect(await loadUser(db, id, roles)).toEqual(many);
  }
  expect((await loadUser(db, withMeta, roles))?.meta.map((m) => m.meta_key)).toEqual([
    'wp_capabilities',
    'first_name',
    'first_name',
    'billing_city',
    '',
  ]);
  expect((await loadUser(db, withoutMeta, roles))?.meta).toEqual([]);
  await expect(loadUser(db, 987654, roles)).resolves.toBeNull();
});

it('gives users sharing a capabilities text their own caps and roles, read against the roles option they are loaded with', async () => {
  const text = 'a:2:{s:8:"customer";b:1;s:7:"auditor";b:1;}';
  const first = await insertUser('caps.first', [['wp_capabilities', text]]);
  const second = await insertUser('caps.second', [['wp_capabilities', text]]);
  // The options API's roles option is frozen: the users share one reading of the text.
  expect(Object.isFrozen(roles)).toBe(true);
  const [a, b] = await loadUsers(db, [first, second], roles);
  expect(a.roles).toEqual(['customer']);
  expect(a.caps).toEqual({ customer: true, auditor: true });
  // One user's objects changed: the other's, and the next load's, stay as stored.
  a.caps.extra = true;
  a.roles.push('extra');
  expect(b.caps).toEqual({ customer: true, auditor: true });
  expect(b.roles).toEqual(['customer']);
  const [again] = await loadUsers(db, [first], roles);
  expect(again.caps).toEqual({ customer: true, auditor: true });
  expect(again.roles).toEqual(['customer']);
  // A roles option that registers `auditor` (a new frozen object, as the options API gives after an update): both.
  const withAuditor: RolesOption = Object.freeze({
    ...roles,
    auditor: { name: 'Auditor', capabilities: { read: true } },
  });
  const [later] = await loadUsers(db, [first], withAuditor);
  expect(later.roles).toEqual(['customer', 'auditor']);
  // A roles object that is not frozen may still change: it is read again each time.
  const mutable: RolesOption = { ...roles };
  expect((await loadUsers(db, [first], mutable))[0].roles).toEqual(['customer']);
  mutable.auditor = { name: 'Auditor', capabilities: { read: true } };
  expect((await loadUsers(db, [first], mutable))[0].roles).toEqual(['customer', 'auditor']);
});
