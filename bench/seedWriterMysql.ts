import { Readable } from 'node:stream';
import { createConnection, type Connection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import type { SeedWriter, SqlValue, TableTiming } from './seedWriter';
import { onInterrupt } from './cleanup';
import { deferredKeys } from './seedDeferredKeys';

/** Rows per LOAD DATA statement (one transaction each: bounded undo, and progress to show). */
const ROWS_PER_STATEMENT = 1_000_000;
/** Rows per packet of the streamed file (a packet must stay far below 16 MiB). */
const ROWS_PER_PACKET = 4_000;
/** The fallback: rows per multi-row INSERT, statements per transaction. */
const ROWS_PER_INSERT = 2_000;
const INSERTS_PER_TRANSACTION = 25;

/**
 * MariaDB/MySQL: rows stream as tab-separated text through `LOAD DATA LOCAL INFILE` (mysql2's infileStreamFactory:
 * generated on the fly, no file on disk) — the fastest way in — or, when the server refuses LOCAL INFILE and cannot
 * be switched over, multi-row INSERTs of thousands of rows. Unique and foreign-key checks are off for the session:
 * the generated data is unique by construction.
 */
export async function openMysqlSeedWriter(url: string, prefix: string): Promise<SeedWriter> {
  const connection = await createConnection({ uri: url, charset: 'utf8mb4', supportBigNumbers: true });
  await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  const localInfile = await enableLocalInfile(connection);
  const send = localInfile.enabled ? loadData : multiRowInsert;
  return {
    method: localInfile.enabled ? 'LOAD DATA LOCAL INFILE' : `multi-row INSERT (${localInfile.reason})`,
    async load(load, progress): Promise<TableTiming> {
      const table = `\`${prefix}${load.table}\``;
      const keys = await deferredKeys(connection, table);
      const started = Date.now();
      await keys.drop();
      const iterator = load.rows()[Symbol.iterator]();
      let done = 0;
      while (done < load.count) {
        const sent = await send(
          connection,
          table,
          load.columns,
          iterator,
          Math.min(ROWS_PER_STATEMENT, load.count - done),
          (rows) => progress(done + rows),
        );
        if (sent === 0) break;
        done += sent;
      }
      const loaded = Date.now();
      await keys.restore();
      return {
        table: load.table,
        rows: done,
        loadSeconds: (loaded - started) / 1000,
        keySeconds: (Date.now() - loaded) / 1000,
      };
    },
    async close() {
      try {
        await localInfile.restore();
      } finally {
        await connection.end();
      }
    },
  };
}

type RowIterator = Iterator<readonly SqlValue[]>;

/** LOAD DATA is off by default on some servers: switch it on for the seed (and back after), if allowed. */
async function enableLocalInfile(
  connection: Connection,
): Promise<{ enabled: boolean; reason: string; restore(): Promise<void> }> {
  const [[row]] = await connection.query<RowDataPacket[]>('SELECT @@GLOBAL.local_infile AS enabled');
  if (Number(row.enabled) === 1) return { enabled: true, reason: '', restore: async () => undefined };
  try {
    await connection.query('SET GLOBAL local_infile = 1');
    const restore = async () => void (await connection.query('SET GLOBAL local_infile = 0'));
    const forget = onInterrupt(restore);
    return {
      enabled: true,
      reason: '',
      restore: async () => {
        forget();
        await restore();
      },
    };
  } catch (error) {
    return {
      enabled: false,
      reason: `local_infile is OFF: ${error instanceof Error ? error.message : String(error)}`,
      restore: async () => undefined,
    };
  }
}

/** One LOAD DATA statement of up to `limit` rows pulled from `rows`; returns how many it loaded. */
async function loadData(
  connection: Connection,
  table: string,
  columns: readonly string[],
  rows: RowIterator,
  limit: number,
  progress: (rows: number) => void,
): Promise<number> {
  let sent = 0;
  function* packets(): Generator<Buffer> {
    while (sent < limit) {
      const lines: string[] = [];
      for (let i = 0; i < ROWS_PER_PACKET && sent < limit; i++) {
        const next = rows.next();
        if (next.done) break;
        lines.push(next.value.map(tsvField).join('\t'));
        sent++;
      }
      if (lines.length === 0) return;
      progress(sent);
      yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    }
  }
  const [result] = await connection.query<ResultSetHeader>({
    sql: `LOAD DATA LOCAL INFILE 'bench-seed' INTO TABLE ${table} CHARACTER SET utf8mb4
            FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(', ')})`,
    infileStreamFactory: () => Readable.from(packets(), { objectMode: false }),
  });
  // LOCAL implies IGNORE: a bad value is a warning, not an error. The seed must be exact, so any warning fails it.
  if (result.warningStatus > 0 || result.affectedRows !== sent) {
    const [warnings] = await connection.query<RowDataPacket[]>('SHOW WARNINGS LIMIT 3');
    throw new Error(
      `LOAD DATA into ${table}: ${result.affectedRows} of ${sent} rows, ${result.warningStatus} warnings: ${JSON.stringify(warnings)}`,
    );
  }
  return sent;
}

/** The same rows as multi-row INSERT statements in transactions of ~50,000 rows. */
async function multiRowInsert(
  connection: Connection,
  table: string,
  columns: readonly string[],
  rows: RowIterator,
  limit: number,
  progress: (rows: number) => void,
): Promise<number> {
  const row = `(${columns.map(() => '?').join(', ')})`;
  let sent = 0;
  let statements = 0;
  await connection.query('START TRANSACTION');
  try {
    while (sent < limit) {
      const params: SqlValue[] = [];
      let count = 0;
      for (; count < ROWS_PER_INSERT && sent + count < limit; count++) {
        const next = rows.next();
        if (next.done) break;
        params.push(...next.value);
      }
      if (count === 0) break;
      await connection.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array(count).fill(row).join(', ')}`,
        params,
      );
      sent += count;
      progress(sent);
      if (++statements % INSERTS_PER_TRANSACTION === 0) {
        await connection.query('COMMIT');
        await connection.query('START TRANSACTION');
      }
    }
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  }
  return sent;
}

/** A field of MySQL's default LOAD DATA format: `\N` for NULL, backslash escapes for the four special bytes. */
function tsvField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r\0]/.test(value) ? value.replace(/[\\\t\n\r\0]/g, (c) => TSV_ESCAPES[c]) : value;
}

const TSV_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};
