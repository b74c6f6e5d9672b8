import { KEYS_USAGE } from '../auth/keysCommand';
import { DB_INDEX_USAGE } from '../host/dbIndexCommand';

export const MAIN_USAGE = `Usage: wc-host <command> [--help]

Commands:
  serve [--workers <n|auto>]
                        Serve the REST API on $HOST:$PORT (default 127.0.0.1:8080). The default command.
  migrate               Create the missing tables (and seed an empty database), then exit.
  keys create --user <login|id> --permissions read|write|read_write [--description text] [--json]
  keys list             List API keys (never their secrets).
  keys revoke <key_id>  Delete an API key.
  db index [--status|--drop]
                        Add (or show, or remove) the indexes that make large stores fast.
  help [command]        Show this text, or a command's.
  --version, -v         Show wc-host's version.

Only serve and migrate create a database that does not exist yet; keys and db work on an existing one.
Configuration comes from the environment: DATABASE_URL, DB_TABLE_PREFIX, PORT, HOST, WC_HOST_PLUGINS,
WC_HOST_HOME_URL, TRUST_PROXY, WC_HOST_STRICT_AUTH, LOG_LEVEL (see README.md).`;

const SERVE_USAGE = `Usage: wc-host serve [--workers <n|auto>]

Serves the REST API on $HOST:$PORT (default 127.0.0.1:8080) until SIGTERM or SIGINT. On a database without
WordPress's tables it first does what \`wc-host migrate\` does (creating a new SQLite file too).

  --workers <n|auto>  Serve from n worker processes on the one port (auto: one per core), restarted when they die;
                      default WC_HOST_WORKERS, else 1 (this process alone).`;

const MIGRATE_USAGE = `Usage: wc-host migrate

Creates the tables that are missing (never altering an existing one) in the database DATABASE_URL names, creating a
new SQLite file if there is none. An empty database is seeded with a new site and its administrator "admin"; the
site URL is WC_HOST_HOME_URL, else http://$HOST:$PORT.`;

/** Each command's usage, printed by `wc-host <command> --help` and `wc-host help <command>`. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  serve: SERVE_USAGE,
  migrate: MIGRATE_USAGE,
  keys: KEYS_USAGE.join('\n'),
  db: DB_INDEX_USAGE.join('\n'),
  help: MAIN_USAGE,
};

/** Whether the arguments after the command ask for its usage: `help` first, or `--help`/`-h` anywhere (it wins). */
export function asksForHelp(args: readonly string[]): boolean {
  return args[0] === 'help' || args.some((arg) => arg === '--help' || arg === '-h');
}
