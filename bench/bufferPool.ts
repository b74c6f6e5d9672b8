import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { onInterrupt } from './cleanup';
import type { BufferPoolSize } from './options';

/** The buffer pool as the bench found it and as it is now. */
export interface BufferPoolState {
  /** What the pass runs under: the size asked for, or the configured one. */
  label: string;
  bytes: number;
}

/**
 * Runs `each` once per size with `innodb_buffer_pool_size` set to it (an online resize: MariaDB 10.11 waits for it,
 * older servers report it in Innodb_buffer_pool_resize_status), or once as configured when `sizes` is empty. The
 * original size is restored at the end — also when a pass fails or the bench is interrupted.
 */
export async function forEachBufferPool(
  mysqlUrl: string,
  sizes: readonly BufferPoolSize[],
  each: (state: BufferPoolState) => Promise<void>,
): Promise<void> {
  const connection = await adminConnection(mysqlUrl);
  const original = await currentSize(connection);
  if (sizes.length === 0) {
    await connection.end();
    return each({ label: `${mib(original)} (as configured)`, bytes: original });
  }
  const restore = async () => {
    if ((await currentSize(connection)) !== original) await resize(connection, original);
  };
  const forget = onInterrupt(restore);
  try {
    for (const size of sizes) {
      await resize(connection, size.bytes);
      await each({ label: `${size.label} (${mib(await currentSize(connection))})`, bytes: size.bytes });
    }
  } finally {
    forget();
    await restore();
    await connection.end();
  }
}

async function resize(connection: Connection, bytes: number): Promise<void> {
  const started = Date.now();
  await connection.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
  for (;;) {
    // An asynchronous resize shows its first step only after a moment (until then, the last resize's message).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [[row]] = await connection.query<RowDataPacket[]>(`SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'`);
    const status = String(row?.Value ?? '');
    // Empty (a synchronous resize, MariaDB ≥ 10.11.12) or "Completed resizing buffer pool at …" (older servers).
    if (status === '' || /completed|finished/i.test(status)) return;
    if (Date.now() - started > 600_000)
      throw new Error(`The buffer pool resize did not finish within 10 minutes: ${status}`);
  }
}

async function currentSize(connection: Connection): Promise<number> {
  const [[row]] = await connection.query<RowDataPacket[]>('SELECT @@GLOBAL.innodb_buffer_pool_size AS size');
  return Number(row.size);
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0
    ? `${bytes / 1024 ** 3} GiB`
    : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

function adminConnection(mysqlUrl: string): Promise<Connection> {
  const url = new URL(mysqlUrl);
  return createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
}
