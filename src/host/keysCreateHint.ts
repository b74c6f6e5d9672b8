import { databaseLabel } from '../config/databaseLabel';
import { DEFAULT_DATABASE_URL } from '../config/databaseUrl';

const DEFAULT_TABLE_PREFIX = 'wp_';

/**
 * The command that makes an API key for the new site's admin, for the first-start log line. It repeats DATABASE_URL
 * (password shown as ***) and DB_TABLE_PREFIX when they are not the defaults: without them the command would work on
 * ./data/wc-host.sqlite instead, and the key would be refused by this server.
 */
export function keysCreateHint(databaseUrl: string, tablePrefix: string): string {
  const settings = [
    ...(databaseUrl === DEFAULT_DATABASE_URL ? [] : [`DATABASE_URL=${shellWord(databaseLabel(databaseUrl))}`]),
    ...(tablePrefix === DEFAULT_TABLE_PREFIX ? [] : [`DB_TABLE_PREFIX=${tablePrefix}`]),
  ];
  return [...settings, 'npx wc-host keys create --user admin --permissions read_write'].join(' ');
}

/** As a POSIX shell reads it back: bare when it holds nothing the shell treats specially, else single-quoted. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./*-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
