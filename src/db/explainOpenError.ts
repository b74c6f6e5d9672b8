import { statSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../config/databaseUrl';

type MysqlConfig = Extract<DatabaseConfig, { dialect: 'mysql' }>;

/** The `code` a driver or Node puts on its errors (`SQLITE_CANTOPEN`, `ER_BAD_DB_ERROR`, `ECONNREFUSED`, …). */
function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One line saying why the database could not be opened, naming the file or the server and database, and what to do
 * about it. The drivers' own messages ("unable to open database file", "Unknown database 'x'") name neither.
 */
export function explainOpenError(error: unknown, config: DatabaseConfig): string {
  return config.dialect === 'sqlite' ? explainSqlite(error, config.path) : explainMysql(error, config);
}

function explainSqlite(error: unknown, file: string): string {
  const code = errorCode(error);
  const folder = path.dirname(file);
  if (code === 'SQLITE_CANTOPEN') {
    if (isFolder(file))
      return `Cannot open the SQLite database ${file}: it is a folder. Set DATABASE_URL=sqlite:<file> to a file path.`;
    return `Cannot open the SQLite database ${file} (unable to open database file): its folder ${folder} must exist and be writable by this user.`;
  }
  if (code === 'SQLITE_NOTADB')
    return `${file} is not a SQLite database (file is not a database): set DATABASE_URL to wc-host's database file.`;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return `The SQLite database ${file} is read-only for this user: the file and its folder ${folder} must be writable.`;
  }
  if (code.startsWith('SQLITE_BUSY'))
    return `The SQLite database ${file} is locked by another process: try again when it is done.`;
  // TypeORM creates the folder first; Node's fs errors come from there.
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return `Cannot create the folder ${folder} for the SQLite database ${file}: a file is in the way (${code}). Set DATABASE_URL to another path.`;
  }
  if (/^E[A-Z]+$/.test(code)) {
    return `Cannot create the folder ${folder} for the SQLite database ${file} (${code}): this user must be able to create it, or set DATABASE_URL to another path.`;
  }
  return `Cannot open the SQLite database ${file}: ${errorMessage(error)}`;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function explainMysql(error: unknown, config: MysqlConfig): string {
  const code = errorCode(error);
  const message = errorMessage(error);
  const server = config.socketPath ?? `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  // The server names the account as it matched it ('user'@'client host'); fall back to the URL's user.
  const account = /'[^']*'@'[^']*'/.exec(message)?.[0] ?? `'${config.user}'`;
  switch (code) {
    case 'ER_BAD_DB_ERROR':
      return (
        `Database '${config.database}' does not exist on the MySQL/MariaDB server ${server}. Create it with ` +
        `CREATE DATABASE \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci; ` +
        'or fix the database name in DATABASE_URL.'
      );
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return `The MySQL/MariaDB server ${server} refused ${account} (access denied): check the user and password in DATABASE_URL.`;
    case 'ER_DBACCESS_DENIED_ERROR':
      return (
        `${account} may not use database '${config.database}' on ${server}: ` +
        `GRANT ALL PRIVILEGES ON \`${config.database}\`.* TO ${account}; or use another user in DATABASE_URL.`
      );
    case 'ENOENT':
      return `No socket at ${server} (ENOENT): is MySQL/MariaDB running, and is that its socket (SELECT @@socket)? Fix socketPath in DATABASE_URL.`;
    case 'EACCES':
      return `This user may not open the socket ${server} (EACCES): let it, or connect over TCP (DATABASE_URL without socketPath).`;
    case 'ECONNREFUSED':
      return `Nothing accepts connections at ${server} (connection refused): start MySQL/MariaDB there, or fix the ${config.socketPath === null ? 'host and port' : 'socketPath'} in DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot find the database host ${config.host} (${code}): fix the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `No answer from the MySQL/MariaDB server at ${server} (${code}): is it running and reachable from here?`;
    default:
      return `Cannot connect to database '${config.database}' on the MySQL/MariaDB server ${server} as '${config.user}': ${message}`;
  }
}
