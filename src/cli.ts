import cluster from 'node:cluster';
import { parseWorkers, readEnv, readServerEnv } from './config/env';
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
import { databaseLabel } from './config/databaseLabel';
import { keysCreateHint } from './host/keysCreateHint';
import { seededSiteUrl } from './config/seededSiteUrl';
import { openDataSource } from './db/openDataSource';
import { asksForHelp, COMMAND_USAGE, MAIN_USAGE } from './cli/usage';
import { packageVersion } from './cli/packageVersion';
import { refuseNewSqliteFile, requireWordPressTables } from './cli/existingSite';
import { serveHost } from './host/http/serveHost';
import { loadPlugins } from './host/pluginLoader';
import { runPrimary } from './host/cluster/runPrimary';
import { stopWhenPrimaryAsks } from './host/cluster/workerStop';

/**
 * Entry point of the `wc-host` binary (serve resolves once listening). Sets process.exitCode: 0 done, 1 failed (also
 * when it throws: the binary prints the message as one line), 2 wrong command line. `--help` never does anything else.
 */
export async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`wc-host ${packageVersion()}\n`);
    return;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${COMMAND_USAGE[rest[0] ?? 'help'] ?? MAIN_USAGE}\n`);
    return;
  }
  if (Object.hasOwn(COMMAND_USAGE, command) && asksForHelp(rest)) {
    process.stdout.write(`${COMMAND_USAGE[command]}\n`);
    return;
  }
  switch (command) {
    case 'serve': {
      const workers = serveWorkersArgument(rest);
      if (workers === null) return;
      await serve(workers);
      return;
    }
    case 'migrate': {
      if (refuseArguments(command, rest)) return;
      const env = readEnv();
      process.exitCode = await withDatabase('create', async (db, log) => {
        const result = await migrate(db, log, { siteUrl: seededSiteUrl(env) });
        process.stdout.write(
          result.createdTables.length > 0
            ? `Created tables: ${result.createdTables.join(', ')}\n`
            : 'All tables already exist.\n',
        );
        if (result.seeded) {
          process.stdout.write('Seeded a new site with the administrator "admin".\n');
          process.stdout.write(`Make an API key for it with: ${keysCreateHint(env.databaseUrl, env.tablePrefix)}\n`);
        }
        return 0;
      });
      return;
    }
    case 'keys':
      process.exitCode = await withDatabase('existing', async (db, log) => {
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
        }),
      );
      return;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${MAIN_USAGE}\n`);
      process.exitCode = 2;
  }
}

/** migrate takes no arguments: refuse one (exit code 2) rather than ignore what the operator meant. */
function refuseArguments(command: string, args: readonly string[]): boolean {
  if (args.length === 0) return false;
  process.stderr.write(`Unexpected argument "${args[0]}".\n\n${COMMAND_USAGE[command]}\n`);
  process.exitCode = 2;
  return true;
}

/**
 * serve's one option, `--workers <n|auto>` (or `--workers=<n|auto>`): the worker count it asks for, undefined when
 * absent (WC_HOST_WORKERS decides), or null after refusing the command line (exit code 2).
 */
function serveWorkersArgument(args: readonly string[]): number | undefined | null {
  if (args.length === 0) return undefined;
  const [first, second] = args;
  const value =
    first === '--workers' ? second : first.startsWith('--workers=') ? first.slice('--workers='.length) : undefined;
  const used = first === '--workers' ? 2 : 1;
  if (value === undefined || args.length > used) {
    const unexpected =
      value === undefined ? (first === '--workers' ? '--workers without a value' : `"${first}"`) : `"${args[used]}"`;
    process.stderr.write(`Unexpected argument ${unexpected}.\n\n${COMMAND_USAGE.serve}\n`);
    process.exitCode = 2;
    return null;
  }
  try {
    return parseWorkers(value, '--workers');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}.\n\n${COMMAND_USAGE.serve}\n`);
    process.exitCode = 2;
    return null;
  }
}

/**
 * One process (the default), or with more than one worker the cluster primary (src/host/cluster/runPrimary.ts):
 * it migrates once, then forks workers that run this same command and land in the worker branch below.
 */
async function serve(workersArgument: number | undefined): Promise<void> {
  const env = readEnv();
  const server = readServerEnv();
  const workers = workersArgument ?? server.workers;
  if (cluster.isWorker) {
    // Migrated by the primary before it forked: a worker neither creates tables nor seeds.
    const host = await createHost({ shutdownTimeoutMs: server.shutdownTimeoutMs, migrate: false });
    stopWhenPrimaryAsks(await serveHost(host, { ...server, port: env.port, host: env.host }));
    return;
  }
  if (workers > 1) {
    const logger = createLogger(env.logLevel);
    await runPrimary({
      workers,
      shutdownTimeoutMs: server.shutdownTimeoutMs,
      logger,
      // A whole host, closed again: migrations, seeding and the indexes a wc-host database gets, exactly once.
      prepare: async () => (await createHost({ logger, accessLog: false, shutdownTimeoutMs: 0 })).close(),
    });
    return;
  }
  const host = await createHost({ shutdownTimeoutMs: server.shutdownTimeoutMs });
  await serveHost(host, { ...server, port: env.port, host: env.host });
}

/** Names the database a one-shot command works on, on stderr so stdout stays machine-readable (`keys create --json`). */
function announceDatabase(databaseUrl: string): void {
  process.stderr.write(`Database: ${databaseLabel(databaseUrl)}\n`);
}

/**
 * Opens the configured database for a one-shot command (logs to stderr so stdout stays machine-readable). `create`
 * (migrate) may create a new SQLite file; `existing` refuses one that does not exist, or a database without WordPress's
 * tables, instead of silently making a new site the server does not use.
 */
async function withDatabase(
  mode: 'create' | 'existing',
  work: (db: Db, log: ReturnType<typeof createLogger>) => Promise<number>,
): Promise<number> {
  const env = readEnv();
  const log = createLogger(env.logLevel === 'info' ? 'warn' : env.logLevel);
  if (mode === 'existing') refuseNewSqliteFile(env.databaseUrl);
  // The plugins' tables are part of the site: `migrate` creates those that are missing, as serve does.
  const plugins = (await loadPlugins({ builtin: true, modules: env.pluginModules })).map((entry) => entry.plugin);
  const dataSource = createDataSource({ url: env.databaseUrl, tablePrefix: env.tablePrefix, plugins });
  await openDataSource(dataSource, env.databaseUrl);
  const db = createDb(dataSource, env.tablePrefix);
  try {
    if (mode === 'existing') await requireWordPressTables(db, databaseLabel(env.databaseUrl));
    announceDatabase(env.databaseUrl);
    return await work(db, log);
  } finally {
    await db.close();
    await dataSource.destroy();
  }
}

/** Loads the host on an existing site (plugins registered, nothing migrated, nothing served) for a one-shot command. */
async function withHost(work: (host: Host) => Promise<number>): Promise<number> {
  const env = readEnv();
  refuseNewSqliteFile(env.databaseUrl);
  const host = await createHost({
    migrate: false,
    logger: createLogger(env.logLevel === 'info' ? 'warn' : env.logLevel),
    // Building an index on a large store takes minutes: no statement limit for an operator's one-shot command.
    timeouts: { dbQueryMs: 0 },
  });
  try {
    await requireWordPressTables(host.db, databaseLabel(env.databaseUrl));
    announceDatabase(env.databaseUrl);
    return await work(host);
  } finally {
    await host.close();
  }
}
