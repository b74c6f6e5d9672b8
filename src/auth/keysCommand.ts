import { createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary, type CreatedApiKey } from './apiKeys';
import { isKeyPermission } from './keyPermissions';
import type { Db } from '../db/types';

export interface KeysCommandDeps {
  db: Db;
  out: (line: string) => void;
  err: (line: string) => void;
}

export const KEYS_USAGE = [
  'Usage:',
  '  wc-host keys create --user <login|id> --permissions read|write|read_write [--description <text>] [--json]',
  '  wc-host keys list',
  '  wc-host keys revoke <key_id>',
];

/** Thrown for a wrong command line: its message is printed, the exit code is 1. */
class UsageError extends Error {}

/** `wc-host keys …`: creates, lists and revokes WooCommerce API keys. Returns the exit code. */
export async function runKeysCommand(argv: string[], deps: KeysCommandDeps): Promise<number> {
  const [subcommand, ...rest] = argv;
  try {
    switch (subcommand) {
      case 'create':
        return await create(rest, deps);
      case 'list':
        return await list(rest, deps);
      case 'revoke':
        return await revoke(rest, deps);
      case 'help':
      case '--help':
      case '-h':
        KEYS_USAGE.forEach(deps.out);
        return 0;
      default:
        throw new UsageError(subcommand === undefined ? 'Missing subcommand.' : `Unknown subcommand "${subcommand}".`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    deps.err(error.message);
    KEYS_USAGE.forEach(deps.err);
    return 1;
  }
}

async function create(args: string[], deps: KeysCommandDeps): Promise<number> {
  const options = parseOptions(args, { user: 'value', permissions: 'value', description: 'value', json: 'flag' });
  if (options.positional.length > 0) throw new UsageError(`Unexpected argument "${options.positional[0]}".`);
  const userArg = options.values.user;
  if (userArg === undefined) throw new UsageError('Missing --user <login|id>.');
  const permissions = options.values.permissions;
  if (permissions === undefined) throw new UsageError('Missing --permissions read|write|read_write.');
  if (!isKeyPermission(permissions))
    throw new UsageError(`--permissions must be read, write or read_write, got "${permissions}".`);

  const user = await findUser(deps.db, userArg);
  if (!user) {
    deps.err(`No user with login or ID "${userArg}".`);
    return 1;
  }
  // Like WooCommerce's own key generator (wc-auth), name the key after its creator and the time.
  const description =
    options.values.description ?? `wc-host CLI - API (${new Date().toISOString().slice(0, 19).replace('T', ' ')})`;
  let key: CreatedApiKey;
  try {
    key = await createApiKey(deps.db, { userId: user.id, permissions, description });
  } catch (error) {
    deps.err(error instanceof Error ? error.message : String(error));
    return 1;
  }

  if (options.flags.has('json')) {
    deps.out(
      JSON.stringify({
        key_id: key.keyId,
        user_id: key.userId,
        consumer_key: key.consumerKey,
        consumer_secret: key.consumerSecret,
        permissions: key.permissions,
      }),
    );
    return 0;
  }
  [
    `Created API key ${key.keyId} for ${user.login} (user ${user.id}) with ${key.permissions} permissions.`,
    '',
    `  Consumer key:    ${key.consumerKey}`,
    `  Consumer secret: ${key.consumerSecret}`,
    '',
    'Copy them now: the consumer key is shown only this once (only its hash is stored).',
    'Use them with HTTP Basic over HTTPS (or plain HTTP from this machine), e.g.:',
    `  curl -u ${key.consumerKey}:${key.consumerSecret} http://127.0.0.1:8080/wp-json/wc/v3/customers`,
    'Over plain HTTP from elsewhere, sign requests with OAuth 1.0a (the official WooCommerce clients do).',
  ].forEach(deps.out);
  return 0;
}

async function list(args: string[], deps: KeysCommandDeps): Promise<number> {
  if (args.length > 0) throw new UsageError(`Unexpected argument "${args[0]}".`);
  const keys = await listApiKeys(deps.db);
  if (keys.length === 0) {
    deps.out('No API keys.');
    return 0;
  }
  const header = ['KEY_ID', 'USER', 'PERMISSIONS', 'DESCRIPTION', 'KEY', 'LAST_ACCESS'];
  const rows = keys.map(listRow);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) {
    deps.out(row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '));
  }
  return 0;
}

/** One line of `keys list`: never the secret, only the last 7 characters of the consumer key. */
function listRow(key: ApiKeySummary): string[] {
  const user = key.userLogin === null ? `#${key.userId} (deleted)` : `${key.userLogin} (#${key.userId})`;
  return [String(key.keyId), user, key.permissions, key.description, `…${key.truncatedKey}`, key.lastAccess ?? 'never'];
}

async function revoke(args: string[], deps: KeysCommandDeps): Promise<number> {
  if (args.length !== 1) throw new UsageError('revoke takes exactly one key ID.');
  if (!/^\d+$/.test(args[0])) throw new UsageError(`A key ID is a number, got "${args[0]}".`);
  const keyId = Number(args[0]);
  if (!(await revokeApiKey(deps.db, keyId))) {
    deps.err(`No API key with ID ${keyId}.`);
    return 1;
  }
  deps.out(`Revoked API key ${keyId}.`);
  return 0;
}

/** Finds a user by ID (when numeric) or login; a numeric login still matches when no user has that ID. */
async function findUser(db: Db, loginOrId: string): Promise<{ id: number; login: string } | null> {
  const table = db.table('users');
  if (/^\d+$/.test(loginOrId)) {
    const byId = await db.query<{ ID: unknown; user_login: string }>(
      `SELECT ID, user_login FROM ${table} WHERE ID = ?`,
      [Number(loginOrId)],
    );
    if (byId[0]) return { id: Number(byId[0].ID), login: byId[0].user_login };
  }
  const byLogin = await db.query<{ ID: unknown; user_login: string }>(
    `SELECT ID, user_login FROM ${table} WHERE user_login = ? ORDER BY ID LIMIT 1`,
    [loginOrId],
  );
  return byLogin[0] ? { id: Number(byLogin[0].ID), login: byLogin[0].user_login } : null;
}

type OptionKind = 'value' | 'flag';

/** `--name value`, `--name=value` and `--flag`; anything else is positional. Unknown options are usage errors. */
function parseOptions(
  args: string[],
  known: Record<string, OptionKind>,
): { values: Record<string, string | undefined>; flags: Set<string>; positional: string[] } {
  const values: Record<string, string | undefined> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const [, name, inline] = match;
    if (!Object.hasOwn(known, name)) throw new UsageError(`Unknown option --${name}.`);
    const kind = known[name];
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags.add(name);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value.`);
    values[name] = value;
  }
  return { values, flags, positional };
}
