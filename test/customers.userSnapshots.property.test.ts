import { migrate } from '../src/db/migrate';
import type { Db } from '../src/db/types';
import type { Logger } from '../src/host/types';
import type { RolesOption } from '../src/wp/capabilities';
import { CustomerLookup } from '../plugins/customers/lookup/customerLookup';
import { LOOKUP_TABLES } from '../plugins/customers/lookup/lookupTables';
import { USER_SNAPSHOT_FORMAT, userSnapshotCodec } from '../plugins/customers/lookup/userSnapshotCodec';
import { keptUsersFromSnapshots } from '../plugins/customers/lookup/readUserSnapshots';
import {
  computeUserSnapshots,
  storeUserSnapshots,
  writeUserSnapshots,
} from '../plugins/customers/lookup/writeUserSnapshots';
import { loadUsers, readStoredUsers, type KeptUsers, type StoredUser } from '../plugins/customers/store/loadUsers';
import { parseUserQuery } from '../plugins/customers/store/userQuery/parseUserQuery';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import { seededRandom } from './helpers/seededRandom';

/**
 * The users' snapshots give exactly the users WordPress's tables give (loadUsers' plain read): 300 users with random
 * columns and meta — NULL keys and values, duplicate keys, accents and emoji, serialized values, long texts, one
 * user too large to keep — compared over random id lists (unknown and repeated ids too). Then rows are written
 * straight into users and usermeta, as WordPress or an import would: the very next read must take those users from
 * their tables (their snapshots are no longer current) and agree, and once the lookup has read the marked users their
 * snapshots must be used — and agree — again.
 */

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const random = seededRandom(20261208);
const USERS = 300;
const HUGE_USER = 77;
const roles: RolesOption = {
  administrator: { name: 'Administrator', capabilities: { read: true, manage_options: true } },
  customer: { name: 'Customer', capabilities: { read: true } },
};
const KEYS = ['first_name', 'billing_city', 'nickname', 'wp_capabilities', 'note', 'note', '', '_private', 'ß-key'];
const VALUES = [
  '',
  'Müller',
  'Zoë 🎉 Łukasz',
  'a:1:{s:8:"customer";b:1;}',
  'a:2:{i:0;s:3:"one";i:1;d:2.5;}',
  '12',
  ' padded ',
  'line\nbreak\t"quoted" \\ slash',
];

let database: TestDatabase;
let opened: OpenDb;
let db: Db;
let lookup: CustomerLookup;
let nextUserId = USERS + 2;
const userIds = Array.from({ length: USERS }, (_, index) => index + 2);

function someValue(): string | null {
  if (random.chance(5)) return null;
  if (random.chance(3)) return 'x'.repeat(1000 + random.int(4000));
  return random.pick(VALUES);
}

async function addUser(id: number): Promise<void> {
  await db.execute(
    `INSERT INTO ${db.table('users')} (ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
     VALUES (?, ?, '$P$Babc', ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      `user${id}`,
      `user-${id}`,
      `u${id}@example.com`,
      random.chance(30) ? 'https://example.com/ü' : '',
      `20${10 + random.int(15)}-0${1 + random.int(9)}-1${random.int(9)} 1${random.int(9)}:3${random.int(9)}:0${random.int(9)}`,
      random.chance(20) ? `${id}:key` : '',
      random.int(2),
      random.pick(['Müller', 'Zoë', 'Tanaka Hiroshi', '', 'Łukasz 🎉']),
    ],
  );
  for (let count = random.int(40); count > 0; count--) await addMeta(id);
}

async function addMeta(userId: number): Promise<void> {
  const key = random.chance(5) ? null : random.pick(KEYS);
  await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
    userId,
    key === 'wp_capabilities' ? 'wp_capabilities' : key,
    key === 'wp_capabilities'
      ? random.pick(['a:1:{s:8:"customer";b:1;}', 'a:1:{s:13:"administrator";b:1;}'])
      : someValue(),
  ]);
}

/** A snapshot as wc-host wrote it before userSnapshotCodec's format 1: `{"user": {…}, "meta": [id, key, value, …]}`. */
function firstFormat(stored: StoredUser): string {
  return JSON.stringify({
    user: stored.user,
    meta: stored.meta.flatMap((row) => [row.umeta_id, row.meta_key, row.meta_value]),
  });
}

/** Counts the users the snapshots answered for. */
function countingKept(): { kept: KeptUsers; found: () => number } {
  const source = keptUsersFromSnapshots(db);
  let found = 0;
  return {
    kept: async (ids) => {
      const users = await source(ids);
      found += users.size;
      return users;
    },
    found: () => found,
  };
}

function someIds(): number[] {
  const ids = random.sample(userIds, 1 + random.int(100));
  if (random.chance(30)) ids.push(99_999);
  if (random.chance(30)) ids.push(ids[0]);
  return ids;
}

/** Snapshots plus the tables for the rest, against the tables alone; returns how many came from snapshots. */
async function compare(times: number): Promise<number> {
  const { kept, found } = countingKept();
  for (let round = 0; round < times; round++) {
    const ids = someIds();
    expect(await loadUsers(db, ids, roles, kept)).toEqual(await loadUsers(db, ids, roles));
  }
  return found();
}

async function snapshotCount(): Promise<number> {
  const [{ n }] = await db.query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM ${db.table(LOOKUP_TABLES.snapshots)}`,
  );
  return Number(n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  opened = await openDb(database.url);
  db = opened.db;
  await migrate(db, silent);
  for (const id of userIds) await addUser(id);
  await db.execute(`INSERT INTO ${db.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, 'big', ?)`, [
    HUGE_USER,
    'y'.repeat(300_000),
  ]);
  // Installed over existing users: the fill takes their snapshots.
  lookup = new CustomerLookup(db, silent);
  await lookup.install(() => undefined);
}, 180_000);

afterAll(async () => {
  await lookup.settled();
  await opened.close();
  await database.drop();
});

it('keeps a snapshot of every user after db index (but one too large), and they read as the tables do', async () => {
  // admin (ID 1) and every seeded user but the one too large.
  expect(await snapshotCount()).toBe(USERS);
  const { kept, found } = countingKept();
  expect((await kept([HUGE_USER, 2, 3])).has(HUGE_USER)).toBe(false);
  expect(found()).toBe(2);
  expect(await compare(40)).toBeGreaterThan(1000);
  expect((await lookup.status()).details).toContain('user snapshots kept for every user');
}, 120_000);

it('reads changed users from their tables on the very next read, and keeps them again once read in', async () => {
  for (let round = 0; round < 3; round++) {
    const changed = random.sample(
      userIds.filter((id) => id !== HUGE_USER),
      20,
    );
    for (const id of changed.slice(0, 5)) {
      await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
        `changed ${round}`,
        id,
        random.pick(KEYS),
      ]);
      await addMeta(id);
    }
    for (const id of changed.slice(5, 10)) {
      const rows = await db.query<{ umeta_id: number | string }>(
        `SELECT umeta_id FROM ${db.table('usermeta')} WHERE user_id = ?`,
        [id],
      );
      if (rows.length === 0) await addMeta(id);
      else await db.execute(`DELETE FROM ${db.table('usermeta')} WHERE umeta_id = ?`, [random.pick(rows).umeta_id]);
    }
    for (const id of changed.slice(10, 15)) {
      await db.execute(`UPDATE ${db.table('users')} SET display_name = ?, user_email = ? WHERE ID = ?`, [
        `Renamed ${round} ü`,
        `renamed${round}.${id}@example.com`,
        id,
      ]);
    }
    for (const id of changed.slice(15)) {
      await db.execute(`DELETE FROM ${db.table('usermeta')} WHERE user_id = ?`, [id]);
      await db.execute(`DELETE FROM ${db.table('users')} WHERE ID = ?`, [id]);
      userIds.splice(userIds.indexOf(id), 1);
    }
    const added = nextUserId++;
    await addUser(added);
    userIds.push(added);

    // Not one changed user may come from its old snapshot.
    const { kept, found } = countingKept();
    const before = await loadUsers(db, [...changed, added], roles, kept);
    expect(found()).toBe(0);
    expect(before).toEqual(await loadUsers(db, [...changed, added], roles));
    expect(await compare(10)).toBeGreaterThan(0);

    // The lookup reads the marked users in before answering a list: their snapshots are current again.
    expect(await lookup.answer(parseUserQuery({ number: 10, orderby: 'ID', order: 'ASC' }))).not.toBeNull();
    const after = countingKept();
    expect(await loadUsers(db, [...changed, added], roles, after.kept)).toEqual(before);
    expect(after.found()).toBe(changed.length - 5 + 1);
    expect(await snapshotCount()).toBe(userIds.length);
    await compare(10);
  }
}, 180_000);

it('keeps a snapshot taken later when one taken earlier is stored (db index filling beside the lookup)', async () => {
  const id = random.pick(userIds.filter((user) => user !== HUGE_USER));
  const snapshotOf = () =>
    db.query(`SELECT version, data FROM ${db.table(LOOKUP_TABLES.snapshots)} WHERE user_id = ?`, [id]);
  const early = await computeUserSnapshots(db, [id]);
  await addMeta(id);
  // The lookup reads the changed user in: its snapshot now carries the newer version.
  expect(await lookup.answer(parseUserQuery({ number: 10, orderby: 'ID', order: 'ASC' }))).not.toBeNull();
  const later = await snapshotOf();
  await db.transaction((tx) => storeUserSnapshots(tx, early, { keepNewer: true }));
  expect(await snapshotOf()).toEqual(later);
  expect((await keptUsersFromSnapshots(db)([id, 2])).has(id)).toBe(true);
  // Replaced by the earlier one, the user is read from its tables (its label is a version already passed).
  await db.transaction((tx) => storeUserSnapshots(tx, early, { keepNewer: false }));
  expect((await keptUsersFromSnapshots(db)([id, 2])).has(id)).toBe(false);
  expect(await compare(5)).toBeGreaterThan(0);
  await db.transaction((tx) => writeUserSnapshots(tx, [id]));
  expect(await snapshotOf()).toEqual(later);
});

it('reads snapshots of the first format, and a user whose snapshot has a later format from its tables', async () => {
  const [first, later] = random.sample(
    userIds.filter((id) => id !== HUGE_USER),
    2,
  );
  const data = (id: number) =>
    db.query<{ data: string }>(`SELECT data FROM ${db.table(LOOKUP_TABLES.snapshots)} WHERE user_id = ?`, [id]);
  expect((await data(first))[0].data.startsWith('[1,')).toBe(true);
  const stored = (await readStoredUsers(db, [first])).get(first);
  if (!stored) throw new Error(`user ${first} is missing`);
  const rewrite = (id: number, text: string) =>
    db.execute(`UPDATE ${db.table(LOOKUP_TABLES.snapshots)} SET data = ? WHERE user_id = ?`, [text, id]);
  await rewrite(first, firstFormat(stored));
  await rewrite(later, '[2,"a format to come"]');
  const { kept, found } = countingKept();
  expect(await loadUsers(db, [first, later], roles, kept)).toEqual(await loadUsers(db, [first, later], roles));
  expect(found()).toBe(1);
  expect((await keptUsersFromSnapshots(db)([first, later])).has(first)).toBe(true);
  await db.transaction((tx) => writeUserSnapshots(tx, [first, later]));
  expect(await compare(5)).toBeGreaterThan(0);
});

it('takes the snapshots again in the current format when db index runs on snapshots of the first format', async () => {
  const table = db.table(LOOKUP_TABLES.snapshots);
  const rows = await db.query<{ user_id: number | string; data: string }>(`SELECT user_id, data FROM ${table}`);
  const codec = userSnapshotCodec(db.prefix);
  for (const row of rows) {
    const stored = codec.decode(row.data);
    if (!stored) throw new Error(`snapshot of user ${row.user_id} unreadable`);
    await db.execute(`UPDATE ${table} SET data = ? WHERE user_id = ?`, [firstFormat(stored), row.user_id]);
  }
  // As a lookup made before the format was recorded.
  await db.execute(`DELETE FROM ${db.table(LOOKUP_TABLES.state)} WHERE name = 'user_snapshots_format'`);
  expect((await lookup.status()).details).toContain(
    'user snapshots of an earlier, larger format: `npx wc-host db index` takes them again',
  );
  expect(await compare(5)).toBeGreaterThan(0);
  await lookup.install(() => undefined);
  const retaken = await db.query<{ data: string }>(`SELECT data FROM ${table}`);
  expect(retaken).toHaveLength(rows.length);
  expect(retaken.filter((row) => !row.data.startsWith(`[${USER_SNAPSHOT_FORMAT},`))).toEqual([]);
  expect((await lookup.status()).details).toContain('user snapshots kept for every user');
  expect(await compare(10)).toBeGreaterThan(100);
}, 120_000);

it('adds the snapshots to a lookup made before them, when db index runs again', async () => {
  await db.execute(`DROP TABLE ${db.table(LOOKUP_TABLES.snapshots)}`);
  await db.execute(
    `DELETE FROM ${db.table(LOOKUP_TABLES.state)} WHERE name IN ('user_snapshots', 'user_snapshots_filled_below')`,
  );
  expect(await lookup.status()).toMatchObject({ installed: false });
  // Without the table, users are read from their tables.
  expect(await compare(5)).toBe(0);
  const phases = new Set<string>();
  await lookup.install((step) => phases.add(step.phase));
  expect(phases).toContain("taking users' snapshots");
  expect(await lookup.status()).toMatchObject({ installed: true, ready: true });
  expect(await snapshotCount()).toBe(userIds.length);
}, 120_000);
