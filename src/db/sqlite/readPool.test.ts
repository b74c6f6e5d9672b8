import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../createDataSource';
import { createDb } from '../createDb';
import type { Db } from '../types';
import {
  canUseReadPool,
  createSqliteReadPool,
  READ_POOL_TIMEOUT,
  type SqliteReadPool,
  type SqliteReadPoolOptions,
} from './readPool';
import { READ_WORKER_LIMITS, startedSemiSpaceSize } from './readWorkerHeap';

// Plain SQLite files in the temp dir, whatever database the jest project targets.
const functionsModule = path.join(__dirname, 'testFunctions.fixture.ts');
const COUNT_TO =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT count(*) AS n FROM c';

let dir: string;
let file: string;
let dataSource: DataSource;
let db: Db;
const pools: SqliteReadPool[] = [];

function pool(options: Partial<SqliteReadPoolOptions> = {}): SqliteReadPool {
  const created = createSqliteReadPool({ file, ...options });
  pools.push(created);
  return created;
}

/** Settles `promise` while counting setImmediate ticks on this thread and the longest gap between two of them. */
async function whileTicking<T>(
  promise: Promise<T>,
): Promise<{ value: T; ms: number; ticks: number; maxGapMs: number }> {
  const started = performance.now();
  let last = started;
  let ticks = 0;
  let maxGapMs = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    ticks += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const value = await promise;
    return { value, ms: performance.now() - started, ticks, maxGapMs };
  } finally {
    running = false;
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-host-read-pool-'));
  file = path.join(dir, 'main.sqlite');
  // The main connection exactly as wc-host opens it (WAL, busy_timeout), with the Db reading through directReader.
  dataSource = createDataSource({ url: `sqlite:${file}`, tablePrefix: 'wp_' });
  await dataSource.initialize();
  db = createDb(dataSource, 'wp_');
  await db.execute(
    'CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT, big INTEGER, ratio REAL, data BLOB, note TEXT)',
  );
  await db.execute('CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  const rows: unknown[][] = [
    ['Zoë 東京 🚀', Number.MAX_SAFE_INTEGER, 0.1, Buffer.from([0, 255, 16]), null],
    ['plain', -Number.MAX_SAFE_INTEGER, -2.5, Buffer.alloc(0), 'x'],
    ['', 0, null, null, 'ünïcödé'],
  ];
  for (const row of rows)
    await db.execute('INSERT INTO things (name, big, ratio, data, note) VALUES (?, ?, ?, ?, ?)', row);
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

afterAll(async () => {
  await dataSource.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('rows equal what the main connection returns, BLOBs as Buffers', async () => {
  const sql =
    'SELECT id, name, big, ratio, data, note, length(name) AS chars, ? AS bound_blob, ? AS flag, ? AS absent, ' +
    "X'CAFE' AS literal_blob FROM things ORDER BY id";
  const params = [Buffer.from('bïnary'), true, null];
  const main = await db.query(sql, params);
  const pooled = await pool().query(sql, params);

  expect(pooled).toStrictEqual(main);
  expect(pooled).toHaveLength(3);
  expect(pooled[0]).toMatchObject({
    name: 'Zoë 東京 🚀',
    big: Number.MAX_SAFE_INTEGER,
    ratio: 0.1,
    note: null,
    flag: 1,
  });
  expect(pooled[1]).toMatchObject({ big: -Number.MAX_SAFE_INTEGER, data: Buffer.alloc(0) });
  expect(pooled[2]).toMatchObject({ ratio: null, data: null, note: 'ünïcödé' });
  // toStrictEqual does not tell a Buffer from a plain Uint8Array; callers do (toString('hex'), Buffer.isBuffer).
  for (const row of pooled) {
    expect(Buffer.isBuffer(row.bound_blob)).toBe(true);
    expect(Buffer.isBuffer(row.literal_blob)).toBe(true);
    if (row.data !== null) expect(Buffer.isBuffer(row.data)).toBe(true);
  }
  expect((pooled[0].data as Buffer).toString('hex')).toBe('00ff10');
  expect((pooled[0].bound_blob as Buffer).toString()).toBe('bïnary');
});

test('the main event loop keeps turning while a long query runs in the pool', async () => {
  const reader = pool();
  await reader.query('SELECT 1', []);
  // Grow the recursive CTE until one run takes at least 500 ms on this machine.
  let n = 1_000_000;
  let run = await whileTicking(reader.query(COUNT_TO, [n]));
  while (run.ms < 500) {
    n = Math.ceil((n * Math.min(64, 700 / Math.max(run.ms, 1))) / 1000) * 1000;
    run = await whileTicking(reader.query(COUNT_TO, [n]));
  }
  expect(run.value).toEqual([{ n }]);
  expect(run.ticks).toBeGreaterThan(100);
  // Run on the event loop, the query would stall it for all of its ≥ 500 ms; a busy shared machine alone delays a
  // tick by tens of milliseconds.
  expect(run.maxGapMs).toBeLessThan(200);
});

test('a write committed on the main connection is visible to the very next pool query', async () => {
  const reader = pool();
  const names = async (): Promise<unknown[]> =>
    (await reader.query('SELECT name FROM events ORDER BY id', [])).map((row) => row.name);
  expect(await names()).toEqual([]);

  await db.execute('INSERT INTO events (name) VALUES (?)', ['first']);
  expect(await names()).toEqual(['first']);

  await db.transaction(async (tx) => {
    await tx.execute('INSERT INTO events (name) VALUES (?)', ['second']);
    // Uncommitted: the pool's own connection does not see it (the main connection would, inside the transaction).
    expect(await names()).toEqual(['first']);
  });
  expect(await names()).toEqual(['first', 'second']);
});

test('custom SQL functions from functionsModule (TypeScript here) work in the workers', async () => {
  const reader = pool({ functionsModule });
  const [row] = await reader.query('SELECT reverse_text(?) AS reversed, thread_id() AS thread', ['Zoë🚀']);
  expect(row.reversed).toBe('🚀ëoZ');
  expect(row.thread).not.toBe(0); // 0 is the main thread
  const main = await db.query('SELECT reverse_text(?) AS reversed', ['x']).catch((error: Error) => error.message);
  expect(main).toBe('no such function: reverse_text'); // proves it came from the module, not the main connection
});

test("a worker's young generation stays small when the process was started with --max-semi-space-size=32", async () => {
  // As `node --max-semi-space-size=32` does: the flag on the command line, so in V8 for every isolate made.
  process.execArgv.push('--max-semi-space-size=32');
  v8.setFlagsFromString('--max-semi-space-size=32');
  try {
    const reader = pool({ size: 1, functionsModule });
    // Rows that all live until posted: V8 grows the new space as far as it may.
    for (let round = 0; round < 3; round++) {
      const rows = await reader.query(
        'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 150000) SELECT x, printf(?, x) AS t FROM c',
        ['a row of text %d to fill the worker heap'],
      );
      expect(rows).toHaveLength(150000);
    }
    const [{ bytes }] = await reader.query('SELECT new_space_bytes() AS bytes', []);
    expect(Number(bytes)).toBeGreaterThan(0);
    expect(Number(bytes)).toBeLessThanOrEqual((READ_WORKER_LIMITS.maxYoungGenerationSizeMb ?? 0) * 2 ** 20);

    // The flag is given back once the pool's worker is online: a worker the embedding app makes now gets 2 × 32 MiB.
    const other = new Worker(
      `const v8 = require('node:v8'); let keep = [];
       for (let i = 0; i < 900; i++) { const rows = []; for (let j = 0; j < 4000; j++) rows.push({ a: 'x'.repeat(20) + j, b: [j] });
         keep.push(rows); if (keep.length > 3) keep.shift(); }
       require('node:worker_threads').parentPort.postMessage(
         v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);`,
      { eval: true },
    );
    const otherBytes = await new Promise<number>((resolve, reject) => {
      other.once('message', resolve);
      other.once('error', reject);
    });
    await other.terminate();
    expect(otherBytes).toBe(64 * 2 ** 20);
  } finally {
    process.execArgv.pop();
    v8.setFlagsFromString('--max-semi-space-size=0');
  }
});

test('startedSemiSpaceSize reads the flag from the arguments and NODE_OPTIONS, the arguments winning', () => {
  expect(startedSemiSpaceSize(['--max-semi-space-size=32'], '')).toBe('32');
  expect(startedSemiSpaceSize(['--max_semi_space_size', '24'], '')).toBe('24');
  expect(startedSemiSpaceSize([], '--max-old-space-size=256 --max-semi-space-size=8')).toBe('8');
  expect(startedSemiSpaceSize(['--max-semi-space-size=32'], '--max-semi-space-size=8')).toBe('32');
  expect(startedSemiSpaceSize(['--max-old-space-size=256'], '')).toBeNull();
});

test('more concurrent queries than workers all complete, in submission order per worker', async () => {
  const reader = pool({ size: 2, functionsModule });
  const completed: number[] = [];
  const pending = Array.from({ length: 12 }, (_, i) =>
    reader.query('SELECT ? AS i, thread_id() AS thread', [i]).then(([row]) => {
      completed.push(i);
      return row;
    }),
  );
  expect(reader.stats()).toMatchObject({ busy: 2, queued: 10 });
  const rows = await Promise.all(pending);

  expect(rows.map((row) => row.i)).toEqual([...Array(12).keys()]);
  const byThread = new Map<unknown, number[]>();
  for (const row of rows) byThread.set(row.thread, [...(byThread.get(row.thread) ?? []), row.i as number]);
  expect(byThread.size).toBe(2);
  for (const order of byThread.values()) expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(completed).toHaveLength(12);

  const single = pool({ size: 1 });
  const order: number[] = [];
  await Promise.all([0, 1, 2, 3, 4].map((i) => single.query('SELECT ?', [i]).then(() => order.push(i))));
  expect(order).toEqual([0, 1, 2, 3, 4]);
});

test('SQL errors reject that query with the message, code and class; the pool keeps working', async () => {
  const reader = pool();
  const sql = 'SELECT * FROM no_such_table';
  const mainError = await db.query(sql).catch((error: unknown) => error);
  const poolError = await reader.query(sql, []).catch((error: unknown) => error);
  expect(poolError).toBeInstanceOf(Database.SqliteError);
  expect(poolError).toMatchObject({ message: 'no such table: no_such_table', code: 'SQLITE_ERROR' });
  expect(poolError).toMatchObject({
    message: (mainError as Error).message,
    code: (mainError as { code: string }).code,
  });

  // The workers' connections are read-only.
  await expect(reader.query("INSERT INTO events (name) VALUES ('x') RETURNING id", [])).rejects.toMatchObject({
    code: 'SQLITE_READONLY',
  });
  // better-sqlite3's own argument errors keep their class too.
  await expect(reader.query('SELECT ? AS a', [])).rejects.toBeInstanceOf(RangeError);

  await expect(reader.query('SELECT 1 AS one', [])).resolves.toEqual([{ one: 1 }]);
});

test('a worker that dies mid-query fails that query only; it is replaced and the queue goes on', async () => {
  const reader = pool({ size: 1, functionsModule });
  const [{ thread: before }] = await reader.query('SELECT thread_id() AS thread', []);
  const crash = reader.query('SELECT exit_worker()', []);
  const queued = reader.query('SELECT thread_id() AS thread', []);

  await expect(crash).rejects.toMatchObject({ code: 'ERR_SQLITE_READ_POOL_WORKER_EXITED' });
  const [{ thread: after }] = await queued;
  expect(after).not.toBe(before);
  await expect(reader.query('SELECT 2 AS two', [])).resolves.toEqual([{ two: 2 }]);
  expect(reader.stats().workers).toHaveLength(1);
});

test('a query past queryTimeoutMs fails, its worker is ended and replaced, and the queue goes on', async () => {
  const reader = pool({ size: 1, functionsModule, queryTimeoutMs: 300 });
  const [{ thread: before }] = await reader.query('SELECT thread_id() AS thread', []);
  const started = Date.now();
  // A second or more of counting, far past the 300 ms limit — but finite: ending a worker cannot stop a statement
  // mid-step (better-sqlite3 12 has no interrupt), so an endless one would keep its thread, and jest, running.
  const endless = reader.query(COUNT_TO, [5e6]);
  const queued = reader.query('SELECT thread_id() AS thread', []);

  await expect(endless).rejects.toMatchObject({ code: READ_POOL_TIMEOUT });
  expect(Date.now() - started).toBeLessThan(5000);
  const [{ thread: after }] = await queued;
  expect(after).not.toBe(before);
  await expect(reader.query(COUNT_TO, [1000])).resolves.toEqual([{ n: 1000 }]);
  expect(reader.stats()).toMatchObject({ busy: 0, queued: 0 });
  expect(reader.stats().workers).toHaveLength(1);
});

test('a database that cannot be opened fails each query without a respawn loop', async () => {
  const reader = pool({ file: path.join(dir, 'missing.sqlite'), size: 2 });
  await expect(reader.query('SELECT 1', [])).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
  await expect(reader.query('SELECT 1', [])).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(reader.stats().workers).toHaveLength(0);
  expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
});

test('close() waits for running queries, rejects queued ones, and refuses new ones', async () => {
  const reader = pool({ size: 1 });
  await reader.query('SELECT 1', []);
  const events: string[] = [];
  const running = reader.query(COUNT_TO, [300_000]).then(() => events.push('running resolved'));
  const queued = reader.query('SELECT 1', []).catch((error: unknown) => {
    events.push('queued rejected');
    return error;
  });
  await reader.close().then(() => events.push('closed'));
  await running;

  expect(events).toEqual(['queued rejected', 'running resolved', 'closed']);
  expect(await queued).toMatchObject({ code: 'ERR_SQLITE_READ_POOL_CLOSED', message: expect.stringMatching(/closed/) });
  await expect(reader.query('SELECT 1', [])).rejects.toMatchObject({ code: 'ERR_SQLITE_READ_POOL_CLOSED' });
  expect(reader.stats().workers).toHaveLength(0);
  await expect(reader.close()).resolves.toBeUndefined();
});

test('after close() the process can exit (the workers are gone)', async () => {
  const script = `
    require('ts-node').register({ transpileOnly: true });
    const { createSqliteReadPool } = require(${JSON.stringify(path.join(__dirname, 'readPool.ts'))});
    const pool = createSqliteReadPool({ file: process.argv[1], size: 2 });
    pool.query('SELECT 42 AS x', []).then((rows) => { console.log(JSON.stringify(rows)); return pool.close(); });
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, file], {
    cwd: path.resolve(__dirname, '../../..'),
    timeout: 20_000,
  });
  expect(stdout.trim()).toBe('[{"x":42}]');
});

test('the prepared-statement cache stays bounded and evicts the least recently used', async () => {
  const reader = pool();
  for (let i = 0; i < 1000; i += 1) await reader.query(`SELECT ${i} AS i`, []);
  const [afterFlood] = reader.stats().workers;
  const limit = reader.stats().statementCacheLimit;
  expect(limit).toBe(100);
  expect(afterFlood).toMatchObject({ cachedStatements: limit, statementsPrepared: 1000 });

  await reader.query('SELECT 900 AS i', []); // the oldest cached text, now the most recent
  await reader.query('SELECT 1000 AS i', []); // evicts 901, not 900
  await reader.query('SELECT 900 AS i', []);
  expect(reader.stats().workers[0]).toMatchObject({ cachedStatements: limit, statementsPrepared: 1001 });
  await reader.query('SELECT 901 AS i', []);
  expect(reader.stats().workers[0]).toMatchObject({ cachedStatements: limit, statementsPrepared: 1002 });
});

test('canUseReadPool refuses in-memory databases', () => {
  expect(canUseReadPool(file)).toBe(true);
  expect(canUseReadPool('./data/wc-host.sqlite')).toBe(true);
  for (const memory of [':memory:', '', 'file::memory:?cache=shared', 'file:x?mode=memory&cache=shared']) {
    expect(canUseReadPool(memory)).toBe(false);
  }
  expect(() => createSqliteReadPool({ file: ':memory:' })).toThrow(/in-memory/);
});
