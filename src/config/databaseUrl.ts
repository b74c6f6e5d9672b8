import path from 'node:path';

/** Where wc-host keeps its data when DATABASE_URL is not set: a SQLite file under the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/wc-host.sqlite';

export type DatabaseConfig =
  | {
      dialect: 'sqlite';
      /** An absolute file path, or `:memory:`. */
      path: string;
    }
  | {
      dialect: 'mysql';
      /** Which TypeORM driver type to use; both speak to MySQL and MariaDB through mysql2. */
      flavor: 'mysql' | 'mariadb';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      /**
       * `?socketPath=` (the name mysql2 gives it in its own URLs): the server's Unix socket instead of TCP to host:port.
       * On one machine a statement costs wc-host about half the CPU over the socket (README, "Pointing it at
       * MySQL / MariaDB").
       */
      socketPath: string | null;
    };

/**
 * Parses DATABASE_URL: `sqlite:<path>` (relative to `cwd`; `sqlite::memory:` for an in-memory database) or
 * `mysql://user:pass@host:port/db` (`mariadb://` too; `?socketPath=/run/mysqld/mysqld.sock` connects through the
 * server's Unix socket). Errors never repeat the URL, which may hold a password.
 */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL, cwd: string = process.cwd()): DatabaseConfig {
  if (url.startsWith('sqlite:')) return parseSqliteUrl(url.slice('sqlite:'.length), cwd);
  if (/^(mysql|mariadb):\/\//i.test(url)) return parseMysqlUrl(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `Unsupported DATABASE_URL${scheme ? ` scheme "${scheme}:"` : ''}: ` +
      'use sqlite:<path> (e.g. sqlite:./data/wc-host.sqlite or sqlite::memory:) ' +
      'or mysql://user:pass@host:3306/database',
  );
}

function parseSqliteUrl(location: string, cwd: string): DatabaseConfig {
  if (location === '') throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/wc-host.sqlite');
  if (location === ':memory:') return { dialect: 'sqlite', path: ':memory:' };
  return { dialect: 'sqlite', path: path.resolve(cwd, location) };
}

function parseMysqlUrl(url: string): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid mysql:// URL; expected mysql://user:pass@host:3306/database');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw new Error('DATABASE_URL must name one database after the host, e.g. mysql://user:pass@host:3306/wordpress');
  }
  if (parsed.hostname === '') {
    throw new Error('DATABASE_URL must name the database host, e.g. mysql://user:pass@127.0.0.1/db');
  }
  const port = parsed.port === '' ? 3306 : Number(parsed.port);
  const socketPath = parsed.searchParams.get('socketPath');
  if (socketPath !== null && !path.isAbsolute(socketPath)) {
    throw new Error(
      "DATABASE_URL socketPath must be the absolute path of the server's socket, " +
        'e.g. mysql://user:pass@localhost/db?socketPath=/run/mysqld/mysqld.sock',
    );
  }
  return {
    dialect: 'mysql',
    flavor: parsed.protocol.toLowerCase() === 'mariadb:' ? 'mariadb' : 'mysql',
    // URL keeps IPv6 hosts in brackets; the driver wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    socketPath,
  };
}
