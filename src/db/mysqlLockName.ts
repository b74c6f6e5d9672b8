import { createHash } from 'node:crypto';

/** MySQL and MariaDB reject GET_LOCK names longer than this. */
const MAX_LOCK_NAME_LENGTH = 64;

/**
 * The server-wide GET_LOCK name for a wc-host lock. Named locks are global to the server, so the name carries the
 * database and table prefix: two sites on one server don't wait for each other. Long names are hashed to fit.
 */
export function mysqlLockName(database: string, tablePrefix: string, lock: string): string {
  const name = `wc_host:${database}:${tablePrefix}:${lock}`;
  if (name.length <= MAX_LOCK_NAME_LENGTH) return name;
  const digest = createHash('sha256').update(name).digest('hex');
  return `wc_host:${digest.slice(0, MAX_LOCK_NAME_LENGTH - 'wc_host:'.length)}`;
}
