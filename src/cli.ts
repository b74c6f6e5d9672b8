import type { Server } from 'node:http';
import { readEnv } from './config/env';
import { createHost } from './host/createHost';
import { createLogger } from './host/logger';
import { createDataSource } from './db/createDataSource';
import { createDb } from './db/createDb';
import { migrate } from './db/migrate';
import { runKeysCommand } from './auth/keysCommand';
import type { Db } from './db/types';
import type { Host } from './host/types';
import { runDbIndexCommand } from './host/dbIndexCommand';
import { progressBar } from './host/progressBar';

const USAGE = `Usage: wc-host <command>

Commands:
  serve                 Serve the REST API on $HOST:$PORT (default 127.0.0.1:8080). The default command.
  migrate               Create the missing tables (and seed an empty database), then exit.
  keys create --user <login|id> --permissions read|write|read_write [--description text] [--json]
  keys list             List API keys (never their secrets).
  keys revoke <key_id>  Delete an API key.
  db index [--status|--drop]
                        Add (or show, or remove) the indexes that make large stores fast.
  help                  Show this text.

Configuration comes from the environment: DATABASE_URL, DB_TABLE_PREFIX, PORT, HOST, WC_HOST_PLUGINS,
WC_HOST_HOME_URL, TRUST_PROXY, WC_HOST_STRICT_AUTH, LOG_LEVEL (see README.md).`;

/** Entry point of the `wc-host` binary; resolves to the process exit code (serve resolves once listening). */
export async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return;
    case 'migrate':
      process.exitCode = await withDatabase(async (db, log) => {
        const result = await migrate(db, log);
        process.stdout.write(
          result.createdTables.length > 0 ? `Created tables: ${result.createdTables.join(', ')}\n` : 'All tables already exist.\n',
        );
        if (result.seeded) process.stdout.write('Seeded a new site with the administrator "admin".\n');
        return 0;
      });
      return;
    case 'keys':
      process.exitCode = await withDatabase(async (db, log) => {
        await migrate(db, log);
        return runKeysCommand(rest, {
          db,
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
        });
      });
      return;
    case 'db':
      process.exitCode = await withHost(async (host) =>
        runDbIndexCommand(rest, {
          indexes: host.dbIndexes.list(),
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
          progress: progressBar(process.stderr),
          databaseLabel: databaseLabel(readEnv().databaseUrl),
        }),
      );
      return;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      process.exitCode = 2;
  }
}

async function serve(): Promise<void> {
  const env = readEnv();
  const host = await createHost();
  const server: Server = await new Promise((resolve, reject) => {
    const listening = host.app.listen(env.port, env.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const shownHost = env.host.includes(':') ? `[${env.host}]` : env.host;
  host.logger.info(`wc-host listening on http://${shownHost}:${port}/wp-json/`);

  const shutdown = (signal: string) => {
    host.logger.info(`${signal} received, shutting down`);
    server.close(() => {
      host.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Opens the configured database for a one-shot command (logs to stderr so stdout stays machine-readable). */
async function withDatabase(work: (db: Db, log: ReturnType<typeof createLogger>) => Promise<number>): Promise<number> {
  const env = readEnv();
  const log = createLogger(env.logLevel === 'info' ? 'warn' : env.logLevel);
  const dataSource = createDataSource({ url: env.databaseUrl, tablePrefix: env.tablePrefix });
  await dataSource.initialize();
  try {
    return await work(createDb(dataSource, env.tablePrefix), log);
  } finally {
    await dataSource.destroy();
  }
}

/** Loads the host (plugins registered, nothing migrated, nothing served) for a one-shot command. */
async function withHost(work: (host: Host) => Promise<number>): Promise<number> {
  const env = readEnv();
  const host = await createHost({
    migrate: false,
    logger: createLogger(env.logLevel === 'info' ? 'warn' : env.logLevel),
    // Building an index on a large store takes minutes: no statement limit for an operator's one-shot command.
    timeouts: { dbQueryMs: 0 },
  });
  try {
    return await work(host);
  } finally {
    await host.close();
  }
}

/** The database a command works on, without the password. */
function databaseLabel(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'sqlite:') return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
