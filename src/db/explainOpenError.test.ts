import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { explainOpenError } from './explainOpenError';
import type { DatabaseConfig } from '../config/databaseUrl';

const mysql: DatabaseConfig = {
  dialect: 'mysql',
  flavor: 'mysql',
  host: 'db.internal',
  port: 3307,
  user: 'wp',
  password: 'secret',
  database: 'shop',
  socketPath: null,
};
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

// The errors a live server or file gives are exercised in test/cli.test.ts; these are the ones a test cannot provoke.
describe('why a database could not be opened', () => {
  it('names the MySQL account, server and database, and the fix', () => {
    expect(
      explainOpenError(
        driverError('ER_DBACCESS_DENIED_ERROR', "Access denied for user 'wp'@'10.0.0.5' to database 'shop'"),
        mysql,
      ),
    ).toBe(
      "'wp'@'10.0.0.5' may not use database 'shop' on db.internal:3307: GRANT ALL PRIVILEGES ON `shop`.* TO 'wp'@'10.0.0.5'; or use another user in DATABASE_URL.",
    );
    expect(explainOpenError(driverError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal'), mysql)).toBe(
      'Cannot find the database host db.internal (ENOTFOUND): fix the host in DATABASE_URL.',
    );
    expect(explainOpenError(driverError('ETIMEDOUT', 'connect ETIMEDOUT'), { ...mysql, host: '::1' })).toBe(
      'No answer from the MySQL/MariaDB server at [::1]:3307 (ETIMEDOUT): is it running and reachable from here?',
    );
    expect(explainOpenError(driverError('ER_CON_COUNT_ERROR', 'Too many connections'), mysql)).toBe(
      "Cannot connect to database 'shop' on the MySQL/MariaDB server db.internal:3307 as 'wp': Too many connections",
    );
  });

  it('names the Unix socket of a socketPath URL, and what is wrong with it', () => {
    const overSocket = { ...mysql, socketPath: '/run/mysqld/mysqld.sock' };
    expect(explainOpenError(driverError('ENOENT', 'connect ENOENT /run/mysqld/mysqld.sock'), overSocket)).toBe(
      'No socket at /run/mysqld/mysqld.sock (ENOENT): is MySQL/MariaDB running, and is that its socket (SELECT @@socket)? Fix socketPath in DATABASE_URL.',
    );
    expect(explainOpenError(driverError('EACCES', 'connect EACCES /run/mysqld/mysqld.sock'), overSocket)).toBe(
      'This user may not open the socket /run/mysqld/mysqld.sock (EACCES): let it, or connect over TCP (DATABASE_URL without socketPath).',
    );
    expect(
      explainOpenError(driverError('ECONNREFUSED', 'connect ECONNREFUSED /run/mysqld/mysqld.sock'), overSocket),
    ).toBe(
      'Nothing accepts connections at /run/mysqld/mysqld.sock (connection refused): start MySQL/MariaDB there, or fix the socketPath in DATABASE_URL.',
    );
    expect(explainOpenError(driverError('ER_BAD_DB_ERROR', "Unknown database 'shop'"), overSocket)).toMatch(
      /^Database 'shop' does not exist on the MySQL\/MariaDB server \/run\/mysqld\/mysqld\.sock\./,
    );
  });

  it('names the SQLite file and what is wrong with it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wc-host-explain-'));
    try {
      const file = path.join(dir, 'site.sqlite');
      const sqlite: DatabaseConfig = { dialect: 'sqlite', path: file };
      expect(explainOpenError(driverError('SQLITE_NOTADB', 'file is not a database'), sqlite)).toBe(
        `${file} is not a SQLite database (file is not a database): set DATABASE_URL to wc-host's database file.`,
      );
      expect(
        explainOpenError(driverError('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'), sqlite),
      ).toBe(
        `The SQLite database ${file} is read-only for this user: the file and its folder ${dir} must be writable.`,
      );
      expect(explainOpenError(driverError('EACCES', 'permission denied'), sqlite)).toContain(
        `Cannot create the folder ${dir} for the SQLite database ${file} (EACCES): this user must be able to create it`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
