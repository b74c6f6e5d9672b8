import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';
import { createMariadbServer, installDataDir, type MariadbServer } from './mariadbServer';

export interface ReplicatedPair {
  primary: MariadbServer;
  /** An asynchronous replica of `primary` (GTID replication), read-only for everyone but root. */
  replica: MariadbServer;
  /** `mysql://user:password@127.0.0.1:<port>/<database>` for the app's user on `server`. */
  url(server: MariadbServer): string;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(timeoutSeconds?: number): Promise<void>;
  /** Stops both servers and removes their folder. */
  close(): Promise<void>;
}

export interface ReplicatedPairOptions {
  /** The database created on the primary (and so on the replica). */
  database: string;
  user: string;
  password: string;
}

/**
 * A MariaDB primary and an asynchronous replica on free local ports, with their own data directories in a new temp
 * folder. The replica follows with `MASTER_USE_GTID=slave_pos`. The app's user may do anything in `database` and read
 * replication status (SLAVE MONITOR, which `SHOW REPLICA STATUS` needs); on the read-only replica it can only read.
 */
export async function startReplicatedPair(options: ReplicatedPairOptions): Promise<ReplicatedPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wc-host-cluster-'));
  const servers: MariadbServer[] = [];
  try {
    // One install copied: a fresh MariaDB data directory holds no server identity (unlike MySQL's auto.cnf).
    await installDataDir(path.join(dir, 'primary'));
    await cp(path.join(dir, 'primary'), path.join(dir, 'replica'), { recursive: true });
    const primary = createMariadbServer({ name: 'primary', dir, port: await freePort(), serverId: 1 });
    const replica = createMariadbServer({
      name: 'replica',
      dir,
      port: await freePort(),
      serverId: 2,
      extraArgs: ['--read-only'],
    });
    servers.push(primary, replica);
    await Promise.all([primary.start(), replica.start()]);

    await primary.query("CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl'");
    await primary.query("GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'");
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ?, MASTER_USER = 'repl', MASTER_PASSWORD = 'repl',
       MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
      [primary.port],
    );
    await replica.query('START SLAVE');
    // Made on the primary, so they reach the replica through replication like any other change.
    const { database, user, password } = options;
    await primary.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
    await primary.query('CREATE USER ?@? IDENTIFIED BY ?', [user, '127.0.0.1', password]);
    await primary.query(`GRANT ALL ON \`${database}\`.* TO ?@?`, [user, '127.0.0.1']);
    await primary.query('GRANT SLAVE MONITOR ON *.* TO ?@?', [user, '127.0.0.1']);

    const pair: ReplicatedPair = {
      primary,
      replica,
      url: (server) =>
        `mysql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/${encodeURIComponent(database)}`,
      async caughtUp(timeoutSeconds = 30) {
        const [{ position }] = await primary.query<{ position: string }[]>(
          'SELECT @@GLOBAL.gtid_binlog_pos AS position',
        );
        const [{ waited }] = await replica.query<{ waited: number }[]>('SELECT MASTER_GTID_WAIT(?, ?) AS waited', [
          position,
          timeoutSeconds,
        ]);
        if (Number(waited) !== 0)
          throw new Error(`The replica did not reach the primary's ${position} within ${timeoutSeconds} s`);
      },
      async close() {
        await Promise.all(servers.map((server) => server.stop()));
        await rm(dir, { recursive: true, force: true });
      },
    };
    await pair.caughtUp();
    return pair;
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
