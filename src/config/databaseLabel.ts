import { parseDatabaseUrl } from './databaseUrl';

/**
 * The database a command works on, as an operator can read and reuse it, never with the password: `sqlite:` with the
 * absolute file path (so it holds from any folder), `mysql://user:***@host:port/db` (`***` stands for a password
 * that was given).
 */
export function databaseLabel(url: string, cwd: string = process.cwd()): string {
  try {
    const config = parseDatabaseUrl(url, cwd);
    if (config.dialect === 'sqlite') return `sqlite:${config.path}`;
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL we understand: show it without whatever sits between `//` and `@`, where a password would be.
    return url.replace(/\/\/[^/@]*@/, '//***@');
  }
}
