import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';
import type { Db } from '../src/db/types';

/** A test-only table, so these tests exercise the Db without depending on the WordPress schema. */
async function createCountersTable(db: Db): Promise<void> {
  await db.execute(
    db.dialect === 'mysql'
      ? `CREATE TABLE ${db.table('counters')} (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
           name varchar(20) NOT NULL, value int NOT NULL DEFAULT 0)`
      : `CREATE TABLE ${db.table('counters')} (id INTEGER PRIMARY KEY AUTOINCREMENT,
           name varchar(20) NOT NULL, value INTEGER NOT NULL DEFAULT 0)`,
  );
}

function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const names = async (db: Db): Promise<string[]> =>
  (await db.query<{ name: string }>(`SELECT name FROM ${db.table('counters')} ORDER BY id`)).map((row) => row.name);

describe('Db (createDb)', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url, 'wp_', { lockTimeoutSeconds: 1 });
    db = opened.db;
    await createCountersTable(db);
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  beforeEach(async () => {
    await db.execute(`DELETE FROM ${db.table('counters')}`);
  });

  it('names prefixed tables quoted for the dialect and rejects anything but a plain name', () => {
    expect(db.table('users')).toBe(db.dialect === 'mysql' ? '`wp_users`' : '"wp_users"');
    expect(() => db.table('users; DROP TABLE x')).toThrow(/Invalid table name/);
  });

  it('binds ? placeholders and reports insertId and affectedRows of writes', async () => {
    const first = await db.execute(`INSERT INTO ${db.table('counters')} (name, value) VALUES (?, ?)`, ['a', 1]);
    const second = await db.execute(`INSERT INTO ${db.table('counters')} (name, value) VALUES (?, ?)`, ['b', 2]);
    expect(first.affectedRows).toBe(1);
    expect(second.insertId).toBe(first.insertId + 1);

    const updated = await db.execute(`UPDATE ${db.table('counters')} SET value = value + 1 WHERE value >= ?`, [1]);
    expect(updated).toEqual({ insertId: 0, affectedRows: 2 });

    const rows = await db.query<{ name: string; value: number }>(
      `SELECT name, value FROM ${db.table('counters')} WHERE name = ?`,
      ['b'],
    );
    expect(rows).toEqual([{ name: 'b', value: 3 }]);
    expect(db.inTransaction).toBe(false);
  });

  it('runs 50 parallel read-modify-write transactions one after another, all committed', async () => {
    const { insertId } = await db.execute(`INSERT INTO ${db.table('counters')} (name, value) VALUES ('total', 0)`);
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        db.transaction(async (tx) => {
          expect(tx.inTransaction).toBe(true);
          const [row] = await tx.query<{ value: number }>(`SELECT value FROM ${tx.table('counters')} WHERE id = ?`, [
            insertId,
          ]);
          // Yield between read and write: without serialization, another transaction would read the same value.
          await new Promise((resolve) => setImmediate(resolve));
          await tx.execute(`UPDATE ${tx.table('counters')} SET value = ? WHERE id = ?`, [row.value + 1, insertId]);
          await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES (?)`, [`tx${index}`]);
        }),
      ),
    );
    const [total] = await db.query<{ value: number }>(`SELECT value FROM ${db.table('counters')} WHERE id = ?`, [
      insertId,
    ]);
    expect(total.value).toBe(50);
    expect(await names(db)).toHaveLength(51);
  });

  it('rolls back every write of a transaction that throws, and rethrows the error', async () => {
    const failure = new Error('half-way');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES ('first')`);
        await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES ('second')`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await names(db)).toEqual([]);
  });

  it('runs a nested transaction on the same connection, and a failure inside it dooms the outer one', async () => {
    const connectionId = async (tx: Db): Promise<unknown> =>
      tx.dialect === 'mysql' ? (await tx.query<{ id: unknown }>('SELECT CONNECTION_ID() AS id'))[0].id : 'single';
    const inner = new Error('inner');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES ('outer')`);
        const outerConnection = await connectionId(tx);
        await tx
          .transaction(async (nested) => {
            expect(await connectionId(nested)).toBe(outerConnection);
            await nested.execute(`INSERT INTO ${nested.table('counters')} (name) VALUES ('inner')`);
            throw inner;
          })
          .catch(() => undefined);
        return 'caught';
      }),
    ).rejects.toBe(inner);
    expect(await names(db)).toEqual([]);
  });

  it('lets statements on the outer Db inside a transaction join it instead of waiting for it', async () => {
    await expect(
      db.transaction(async () => {
        expect(db.inTransaction).toBe(true);
        await db.execute(`INSERT INTO ${db.table('counters')} (name) VALUES ('joined')`);
        await db.transaction((again) =>
          again.execute(`INSERT INTO ${again.table('counters')} (name) VALUES ('again')`),
        );
        expect(await names(db)).toEqual(['joined', 'again']);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await names(db)).toEqual([]);
  });

  it('refuses statements on a transaction that has finished', async () => {
    let leaked: Db | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow(/already finished/);
  });

  it('keeps reads going while a transaction is open, and keeps outside writes out of it', async () => {
    const hold = gate();
    const transaction = db.transaction(async (tx) => {
      await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES ('rolled-back')`);
      await hold.opened;
      throw new Error('rollback');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const outsideWrite = db.execute(`INSERT INTO ${db.table('counters')} (name) VALUES ('outside')`);
    hold.open();
    await expect(transaction).rejects.toThrow('rollback');
    await outsideWrite;
    expect(await names(db)).toEqual(['outside']);
  });

  it('makes a write transaction from another connection wait for the lock, and give up after its timeout', async () => {
    const other = await openDb(database.url, 'wp_', { lockTimeoutSeconds: 1 });
    try {
      // SQLite: the other connection's BEGIN IMMEDIATE blocks this thread while it waits; keep that wait short.
      if (other.db.dialect === 'sqlite') await other.db.query('PRAGMA busy_timeout = 200');
      const hold = gate();
      const holder = db.transaction(
        async (tx) => {
          await tx.execute(`INSERT INTO ${tx.table('counters')} (name) VALUES ('holder')`);
          await hold.opened;
        },
        { lock: 'customers' },
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expect(other.db.transaction((tx) => tx.query('SELECT 1'), { lock: 'customers' })).rejects.toThrow(
        /Timed out|locked/i,
      );
      hold.open();
      await holder;
      await expect(other.db.transaction(async () => 'done', { lock: 'customers' })).resolves.toBe('done');
    } finally {
      await other.close();
    }
  });
});
