import { spawn } from 'node:child_process';
import path from 'node:path';
import { track } from './childServer';

const REPO = path.resolve(__dirname, '..', '..');

/**
 * `wc-host db index` on the seeded database, as an operator runs it: builds the customers lookup (and the postmeta
 * key) the fast paths use. Its progress (stderr) and result (stdout) pass through. Returns the seconds it took.
 */
export function runDbIndex(databaseUrl: string): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'wc-host.js'), 'db', 'index'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DB_TABLE_PREFIX: 'wp_', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  track(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve((Date.now() - started) / 1000);
      else reject(new Error(`wc-host db index failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}
