import { createMissingTables } from '../db/migrations/createMissingTables';
import { optionsTable } from '../db/migrations/tables/options';
import type { Db } from '../db/types';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from '../../test/helpers/testDatabase';
import { createOptionsApi } from './options';

describe('createOptionsApi', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let db: Db;

  const storedRow = async (name: string): Promise<{ option_value: string; autoload: string } | undefined> =>
    (
      await db.query<{ option_value: string; autoload: string }>(
        `SELECT option_value, autoload FROM ${db.table('options')} WHERE option_name = ?`,
        [name],
      )
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    db = opened.db;
    const runner = opened.dataSource.createQueryRunner();
    try {
      await createMissingTables(runner, [optionsTable]);
    } finally {
      await runner.release();
    }
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  beforeEach(async () => {
    await db.execute(`DELETE FROM ${db.table('options')}`);
  });

  it('returns the default for a missing option and the unserialized value of a stored one', async () => {
    const options = createOptionsApi(db, { cacheTtlMs: 0 });
    expect(await options.get('blogname', 'fallback')).toBe('fallback');
    expect(await options.get('blogname')).toBeUndefined();
    await db.execute(`INSERT INTO ${db.table('options')} (option_name, option_value, autoload) VALUES (?, ?, 'on')`, [
      'wp_user_roles',
      'a:1:{s:8:"customer";a:2:{s:4:"name";s:8:"Customer";s:12:"capabilities";a:1:{s:4:"read";b:1;}}}',
    ]);
    expect(await options.get('wp_user_roles')).toEqual({
      customer: { name: 'Customer', capabilities: { read: true } },
    });
  });

  it('returns a stored number as the text WordPress stores, and parses it only when given a parser', async () => {
    const options = createOptionsApi(db, { cacheTtlMs: 0 });
    await options.update('posts_per_page', 17);
    expect(await options.get('posts_per_page', 0)).toBe('17');
    expect(await options.get('posts_per_page', { parse: Number, default: 0 })).toBe(17);
    expect(await options.get('missing', { parse: Number, default: 0 })).toBe(0);
    expect(await options.get('missing', { parse: Number })).toBeUndefined();
    // A default that is data (even an object) is returned as is, never taken for a parser.
    const fallback = { parse: 'not a function' };
    expect(await options.get('missing', fallback)).toBe(fallback);
  });

  it('adds an option only when it is missing, storing maybe-serialized values with WordPress autoload values', async () => {
    const options = createOptionsApi(db);
    expect(await options.add('roles', { admin: true })).toBe(true);
    expect(await options.add('roles', 'other')).toBe(false);
    expect(await storedRow('roles')).toEqual({ option_value: 'a:1:{s:5:"admin";b:1;}', autoload: 'auto' });
    await options.add('flag', true, true);
    await options.add('big', 'x', false);
    expect(await storedRow('flag')).toEqual({ option_value: '1', autoload: 'on' });
    expect(await storedRow('big')).toEqual({ option_value: 'x', autoload: 'off' });
  });

  it('updates an option, reports false when nothing changes, and inserts a missing one', async () => {
    const options = createOptionsApi(db);
    expect(await options.update('woocommerce_version', '9.9.5')).toBe(true);
    expect(await storedRow('woocommerce_version')).toEqual({ option_value: '9.9.5', autoload: 'auto' });
    expect(await options.update('woocommerce_version', '9.9.5')).toBe(false);
    expect(await options.update('woocommerce_version', '10.0.0')).toBe(true);
    expect(await options.get('woocommerce_version')).toBe('10.0.0');

    await options.add('show_avatars', '1', true);
    expect(await options.update('show_avatars', true)).toBe(false);
    expect(await options.update('show_avatars', false, false)).toBe(true);
    expect(await storedRow('show_avatars')).toEqual({ option_value: '', autoload: 'off' });
  });

  it('deletes an option and reports whether there was one', async () => {
    const options = createOptionsApi(db);
    await options.add('temporary', 'x');
    expect(await options.delete('temporary')).toBe(true);
    expect(await options.delete('temporary')).toBe(false);
    expect(await options.get('temporary', 'gone')).toBe('gone');
  });

  it('reuses reads for the cache TTL, sees its own writes at once, and others after the TTL', async () => {
    const options = createOptionsApi(db, { cacheTtlMs: 200 });
    await options.add('blogname', 'first');
    expect(await options.get('blogname')).toBe('first');

    await db.execute(`UPDATE ${db.table('options')} SET option_value = 'changed elsewhere' WHERE option_name = ?`, [
      'blogname',
    ]);
    expect(await options.get('blogname')).toBe('first');

    await options.update('blogname', 'mine');
    expect(await options.get('blogname')).toBe('mine');

    await db.execute(`UPDATE ${db.table('options')} SET option_value = 'later' WHERE option_name = ?`, ['blogname']);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await options.get('blogname')).toBe('later');
  });

  it('shares one frozen copy of a cached value, so nobody can change it for the others', async () => {
    const options = createOptionsApi(db);
    await options.add('list', ['a', { b: 'c' }]);
    const first = (await options.get('list')) as [string, { b: string }];
    expect(() => first.push('mutated')).toThrow(TypeError);
    expect(() => {
      first[1].b = 'changed';
    }).toThrow(TypeError);
    expect(await options.get('list')).toBe(first);
    expect(first).toEqual(['a', { b: 'c' }]);
  });

  it('does not cache what it reads inside a transaction, which may roll back', async () => {
    const options = createOptionsApi(db);
    await expect(
      db.transaction(async () => {
        await options.add('draft', 'uncommitted');
        expect(await options.get('draft')).toBe('uncommitted');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await options.get('draft', 'rolled back')).toBe('rolled back');
  });
});
