import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';

const run = promisify(execFile);

/** Debian's MariaDB server binaries (package mariadb-server). */
export const MARIADBD = process.env.WC_HOST_MARIADBD ?? '/usr/sbin/mariadbd';
export const MARIADB_INSTALL_DB = process.env.WC_HOST_MARIADB_INSTALL_DB ?? '/usr/bin/mariadb-install-db';

/** One mariadbd of our own: its data directory, TCP port on 127.0.0.1 and socket (root, no password, via the socket). */
export interface MariadbServer {
  readonly name: string;
  readonly port: number;
  readonly dataDir: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** Shuts the server down (SIGTERM, a clean shutdown) and waits for it to exit. */
  stop(): Promise<void>;
  /** A statement as root over the socket. */
  query<T = Record<string, unknown>[]>(sql: string, values?: unknown[]): Promise<T>;
}

export interface MariadbServerOptions {
  name: string;
  /** The folder holding the server's data directory, socket and logs. */
  dir: string;
  port: number;
  serverId: number;
  /** Extra mariadbd options, e.g. `--read-only`. */
  extraArgs?: string[];
}

/** Makes a fresh data directory (mariadb-install-db, root without a password) for `createMariadbServer`. */
export async function installDataDir(dataDir: string): Promise<void> {
  await run(MARIADB_INSTALL_DB, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
  ]);
}

/**
 * A mariadbd over `<dir>/<name>` (which installDataDir made), not yet started. Binary logging with GTIDs is on
 * (a replica needs the log; every server may become a primary); stored routines and triggers may be created by users
 * without SUPER (wc-host's customer lookup adds triggers, which a binary log otherwise refuses to them).
 */
export function createMariadbServer(options: MariadbServerOptions): MariadbServer {
  const dataDir = path.join(options.dir, options.name);
  const socket = path.join(options.dir, `${options.name}.sock`);
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--user=root',
    `--port=${options.port}`,
    '--bind-address=127.0.0.1',
    `--socket=${socket}`,
    `--pid-file=${path.join(options.dir, `${options.name}.pid`)}`,
    `--log-error=${path.join(options.dir, `${options.name}.err`)}`,
    `--server-id=${options.serverId}`,
    '--log-bin=binlog',
    '--log-bin-trust-function-creators=1',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_520_ci',
    '--innodb-buffer-pool-size=64M',
    // A demo's durability: nothing here must survive a power cut, and fsyncs would dominate on a busy machine.
    '--innodb-flush-log-at-trx-commit=2',
    '--sync-binlog=0',
    ...(options.extraArgs ?? []),
  ];
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function connect(): Promise<Connection> {
    return createConnection({ socketPath: socket, user: 'root', password: '', multipleStatements: false });
  }

  const server: MariadbServer = {
    name: options.name,
    port: options.port,
    dataDir,
    get running() {
      return child !== null;
    },
    async start() {
      if (child) return;
      const started = spawn(MARIADBD, args, { stdio: 'ignore' });
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      void exited.then(() => {
        if (child === started) child = null;
      });
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (child !== started)
          throw new Error(`mariadbd "${options.name}" exited while starting; see ${options.dir}/${options.name}.err`);
        try {
          const connection = await connect();
          await connection.end();
          return;
        } catch (error) {
          if (Date.now() > deadline)
            throw new Error(`mariadbd "${options.name}" did not start within 30 s`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      running.kill('SIGTERM');
      const killer = setTimeout(() => running.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
      child = null;
    },
    async query<T>(sql: string, values: unknown[] = []): Promise<T> {
      const connection = await connect();
      try {
        const [rows] = await connection.query(sql, values);
        return rows as T;
      } finally {
        await connection.end();
      }
    },
  };
  return server;
}
