import { createConnection } from 'mysql2/promise';

/**
 * Waits until a server has finished what the last scenario left behind: autocannon stops at the end of its duration
 * and drops its connections, but the server (and MariaDB) still work through the requests in flight, which would
 * otherwise be billed to the next measurement. A probe request answers once the server's event loop is free (SQLite
 * queries run on it); on MariaDB, the bench database must also have no statement running. Gives up after `limitMs`.
 */
export async function settle(serverUrl: string, mysqlUrl: string | null, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  await fetch(`${serverUrl}/settle-probe`, { signal: AbortSignal.timeout(limitMs) }).catch(() => undefined);
  if (!mysqlUrl) return;
  const { connection, database } = await connectToServer(mysqlUrl);
  try {
    while (Date.now() < deadline) {
      const [rows] = await connection.query(
        `SELECT COUNT(*) AS busy FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND = 'Query' AND ID <> CONNECTION_ID()`,
        [database],
      );
      if (Number((rows as Array<{ busy: number }>)[0].busy) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await connection.end();
  }
}

/**
 * Ends the statements still running on the bench's own database (never another database's: the server may be
 * shared) — what a request the bench gave up on left behind. Returns how many it ended.
 */
export async function killBenchQueries(mysqlUrl: string): Promise<number> {
  const { connection, database } = await connectToServer(mysqlUrl);
  try {
    const [rows] = await connection.query(
      `SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND = 'Query' AND ID <> CONNECTION_ID()`,
      [database],
    );
    const ids = (rows as Array<{ ID: number }>).map((row) => Number(row.ID));
    for (const id of ids) await connection.query(`KILL QUERY ${id}`).catch(() => undefined);
    return ids.length;
  } finally {
    await connection.end();
  }
}

/** A connection to the bench's MySQL server (no default database), and the name of the bench's database in `mysqlUrl`. */
async function connectToServer(mysqlUrl: string) {
  const url = new URL(mysqlUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  return { connection, database: decodeURIComponent(url.pathname.slice(1)) };
}
