import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from '../../test/helpers/testDatabase';
import { inList, listPosition } from './boundList';
import type { Db } from './types';

describe('inList and listPosition', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let db: Db;
  let table: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    db = opened.db;
    table = db.table('bound_list_test');
    await db.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, label VARCHAR(20), digits TEXT)`);
    await db.execute(
      `INSERT INTO ${table} (id, label, digits) VALUES (1, 'one', '1'), (2, 'two', '2'), (3, 'three', '3'), (4, 'it''s', '4')`,
    );
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  const ids = async (where: { sql: string; params: unknown[] }, order = 'id') =>
    (
      await db.query<{ id: number | string }>(
        `SELECT id FROM ${table} WHERE ${where.sql} ORDER BY ${order}`,
        where.params,
      )
    ).map((row) => Number(row.id));

  it('selects the listed rows with one bound parameter, whatever the list length', async () => {
    const short = inList(db.dialect, 'id', [3, 1]);
    const long = inList(db.dialect, 'id', [4, 2, 3, 1, 99, 2]);
    expect(short.sql).toBe(long.sql);
    expect(short.params).toHaveLength(1);
    expect(await ids(short)).toEqual([1, 3]);
    expect(await ids(long)).toEqual([1, 2, 3, 4]);
    expect(await ids(inList(db.dialect, 'id', [3, 1], true))).toEqual([2, 4]);
  });

  it('compares values as separately bound placeholders did, on every kind of column', async () => {
    expect(await ids(inList(db.dialect, 'label', ["it's", 'two']))).toEqual([2, 4]);
    const mixed = [2, '3', '04', "it's"];
    for (const column of ['id', 'label', 'digits']) {
      for (const negate of [false, true]) {
        const placeholders = { sql: `${column} ${negate ? 'NOT IN' : 'IN'} (?, ?, ?, ?)`, params: mixed };
        expect(await ids(inList(db.dialect, column, mixed, negate))).toEqual(await ids(placeholders));
      }
    }
  });

  it('treats an empty list as never IN and always NOT IN', async () => {
    expect(await ids(inList(db.dialect, 'id', []))).toEqual([]);
    expect(await ids(inList(db.dialect, 'id', [], true))).toEqual([1, 2, 3, 4]);
  });

  it("orders by the position in the list, the first occurrence counting (WordPress's FIELD(ID, …))", async () => {
    const position = listPosition(db.dialect, 't.id', [3, 1, 4, 3, 2]);
    const rows = await db.query<{ id: number | string }>(
      `SELECT t.id FROM ${table} t ORDER BY ${position.sql}, t.id`,
      position.params,
    );
    expect(rows.map((row) => Number(row.id))).toEqual([3, 1, 4, 2]);
  });
});
