import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli';
import { createHost } from '../src/host/createHost';
import { captureLog } from './helpers/capturedLog';
import { parseDatabaseUrl } from '../src/config/databaseUrl';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';

// The CLI as an operator runs it, through ts-node so the tests need no build step. `--` keeps node from reading
// the CLI's own options (`--version`) as its own.
const ROOT = path.resolve(__dirname, '..');
const ENTRY =
  "require('./src/cli').main(process.argv.slice(1)).catch((e) => { process.stderr.write(e.message + '\\n'); process.exit(1); })";
const nodeArgs = (args: string[]) => ['-r', 'ts-node/register/transpile-only', '-e', ENTRY, '--', ...args];

jest.setTimeout(120_000);

const isMysql = process.env.WC_HOST_TEST_DB === 'mysql';
let database: TestDatabase;
let dir: string;
let env: NodeJS.ProcessEnv;
/** How the CLI names the test database: the absolute SQLite path, or the MySQL URL with the password as ***. */
let label: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wc-host-cli-'));
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'info', PORT: '0' };
  label = isMysql ? database.url.replace(/:[^:@/]+@/, ':***@') : `sqlite:${sqliteFile()}`;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

/** The test database's SQLite file (the URL's path, absolute). */
function sqliteFile(): string {
  const config = parseDatabaseUrl(database.url);
  if (config.dialect !== 'sqlite') throw new Error('not a SQLite database');
  return config.path;
}

function run(args: string[], vars: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, nodeArgs(args), {
    cwd: ROOT,
    env: { ...env, ...vars },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `main(args)` in this process, with `vars` over the test environment: what it printed and its exit code (a throw is
 * exit code 1 with the message on stderr, as the binary does). Much faster than a child process, for the many cases.
 */
async function runInProcess(args: string[], vars: Record<string, string> = {}): Promise<InProcessRun> {
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  };
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation(capture(stdout));
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation(capture(stderr));
  Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'info', PORT: '0' }, vars);
  process.exitCode = undefined;
  try {
    await main(args);
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } catch (error) {
    stderr.push(`${(error as Error).message}\n`);
    return { code: 1, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.exitCode = savedExitCode;
    outSpy.mockRestore();
    errSpy.mockRestore();
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
}

/** The tables in the test database (without opening a SQLite file that does not exist: that would create it). */
async function tablesInDatabase(tablePrefix = 'wp_'): Promise<string[] | 'no file'> {
  if (!isMysql && !existsSync(sqliteFile())) return 'no file';
  const open = await openDb(database.url, tablePrefix);
  try {
    const sql = isMysql
      ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
      : "SELECT name FROM sqlite_master WHERE type = 'table'";
    return (await open.db.query<{ name: string }>(sql)).map((row) => row.name);
  } finally {
    await open.close();
  }
}

/** Starts `wc-host serve`, resolves with the URL it logs and the lines it printed. */
function serve(): Promise<{ url: string; lines: string[]; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, nodeArgs(['serve']), { cwd: ROOT, env });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      const match = lines.map((line) => /listening on (http:\/\/\S+)\/wp-json\//.exec(line)).find(Boolean);
      if (match) {
        resolve({
          url: match[1],
          lines,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${lines.join('\n')}`)));
  });
}

describe('the wc-host command, before there is a site', () => {
  it('--version and -v print the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      expect(await runInProcess([flag])).toEqual({ code: 0, stdout: `wc-host ${version}\n`, stderr: '' });
    }
    // As the operator runs it (node must not take --version for itself).
    const spawned = run(['--version']);
    expect([spawned.status, spawned.stdout]).toEqual([0, `wc-host ${version}\n`]);
  });

  it('--help on every command prints its usage, exits 0 and does nothing else', async () => {
    const cases: Array<[string[], string]> = [
      [['serve', '--help'], 'Usage: wc-host serve'],
      [['serve', '-h'], 'Usage: wc-host serve'],
      [['migrate', '--help'], 'Usage: wc-host migrate'],
      [['migrate', '-h'], 'Usage: wc-host migrate'],
      [['keys', '--help'], 'wc-host keys create --user'],
      [['keys', 'create', '--help'], 'wc-host keys create --user'],
      [['keys', 'create', '--user', 'admin', '--permissions', 'read', '-h'], 'wc-host keys create --user'],
      [['keys', 'list', '--help'], 'wc-host keys list'],
      [['keys', 'revoke', '1', '--help'], 'wc-host keys revoke'],
      [['keys', 'help'], 'wc-host keys list'],
      [['db', '--help'], 'wc-host db index --status'],
      [['db', 'index', '--help'], 'wc-host db index --status'],
      [['db', 'index', '--drop', '-h'], 'wc-host db index --drop'],
      [['help', 'migrate'], 'Usage: wc-host migrate'],
      [['--help'], 'Usage: wc-host <command>'],
      [['help'], '--version'],
    ];
    for (const [args, usage] of cases) {
      const result = await runInProcess(args);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(result.stdout).toContain(usage);
    }
    expect(await tablesInDatabase()).toEqual(isMysql ? [] : 'no file');
    // And as the operator runs it: `serve --help` used to start the server.
    const spawned = run(['serve', '--help']);
    expect([spawned.status, spawned.stdout]).toEqual([0, expect.stringContaining('Usage: wc-host serve')]);
    expect(await tablesInDatabase()).toEqual(isMysql ? [] : 'no file');
  });

  it('serve and migrate refuse arguments they do not take, doing nothing', async () => {
    const result = await runInProcess(['migrate', '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unexpected argument "--force"');
    expect(await tablesInDatabase()).toEqual(isMysql ? [] : 'no file');
  });

  it('keys and db refuse a database without a site, creating nothing, and say how to make one', async () => {
    const missing = isMysql
      ? `No WordPress tables (wp_users) in ${label}. Set DATABASE_URL and DB_TABLE_PREFIX to your site's database, or run \`npx wc-host migrate\` to create them.`
      : `No database at ${sqliteFile()}. Set DATABASE_URL to your database, or run \`npx wc-host migrate\` to create it.`;
    for (const args of [
      ['keys', 'create', '--user', 'admin', '--permissions', 'read'],
      ['keys', 'list'],
      ['db', 'index', '--status'],
      ['db', 'index'],
    ]) {
      const result = await runInProcess(args);
      expect({ args, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
        args,
        code: 1,
        stdout: '',
        stderr: `${missing}\n`,
      });
    }
    expect(await tablesInDatabase()).toEqual(isMysql ? [] : 'no file');
  });
});

describe('a database that cannot be opened', () => {
  /** Per database: a DATABASE_URL that cannot be opened, and what the one line says. */
  function unopenable(): Array<{ url: string; says: string[] }> {
    if (isMysql) {
      const server = new URL(database.url);
      const missing = `wchost_missing_${process.pid}_${Date.now()}`;
      const withDb = (name: string, change: (url: URL) => void = () => {}) => {
        const url = new URL(server);
        url.pathname = `/${name}`;
        change(url);
        return url.toString();
      };
      return [
        {
          url: withDb(missing),
          says: [
            `Database '${missing}' does not exist`,
            `CREATE DATABASE \`${missing}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`,
          ],
        },
        {
          url: withDb(server.pathname.slice(1), (url) => (url.password = 'not-the-password')),
          says: [`refused '${decodeURIComponent(server.username)}'@'`, 'check the user and password in DATABASE_URL'],
        },
        {
          // Port 9 (discard): nothing listens there on a test machine.
          url: withDb('x', (url) => (url.port = '9')),
          says: [`Nothing accepts connections at ${server.hostname}:9 (connection refused)`],
        },
      ];
    }
    const dangling = path.join(dir, 'dangling.sqlite');
    symlinkSync(path.join(dir, 'no', 'such', 'folder', 'site.sqlite'), dangling);
    writeFileSync(path.join(dir, 'a-file'), '');
    return [
      {
        url: `sqlite:${dangling}`,
        says: [
          `Cannot open the SQLite database ${dangling} (unable to open database file)`,
          `its folder ${dir} must exist and be writable`,
        ],
      },
      {
        url: `sqlite:${path.join(dir, 'a-file', 'site.sqlite')}`,
        says: [`Cannot create the folder ${path.join(dir, 'a-file')}`, 'a file is in the way'],
      },
      { url: `sqlite:${dir}`, says: [`Cannot open the SQLite database ${dir}: it is a folder`] },
    ];
  }

  it('fails with one line naming the file or database and the fix, exit code 1', async () => {
    const cases = unopenable();
    for (const { url, says } of cases) {
      for (const command of [['migrate'], ['serve']]) {
        const result = await runInProcess(command, { DATABASE_URL: url });
        expect({ url, command, code: result.code }).toEqual({ url, command, code: 1 });
        for (const words of says) expect(result.stderr).toContain(words);
      }
    }
    // As the operator sees it: that line alone, no stack trace.
    const spawned = run(['migrate'], { DATABASE_URL: cases[0].url });
    expect(spawned.status).toBe(1);
    expect(spawned.stderr.trim().split('\n')).toHaveLength(1);
    expect(spawned.stderr).toContain(cases[0].says[0]);
    expect(spawned.stdout).toBe('');
  });
});

describe('the site a new database is seeded with', () => {
  async function seededUrls(tablePrefix: string): Promise<Record<string, string>> {
    const open = await openDb(database.url, tablePrefix);
    try {
      const rows = await open.db.query<{ option_name: string; option_value: string }>(
        `SELECT option_name, option_value FROM ${open.db.table('options')} WHERE option_name IN ('siteurl', 'home')`,
      );
      const admin = await open.db.query<{ user_url: string }>(
        `SELECT user_url FROM ${open.db.table('users')} WHERE ID = 1`,
      );
      return {
        ...Object.fromEntries(rows.map((row) => [row.option_name, row.option_value])),
        admin: admin[0].user_url,
      };
    } finally {
      await open.close();
    }
  }

  it('follows HOST and PORT (a wildcard address as loopback), or WC_HOST_HOME_URL', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ HOST: '0.0.0.0', PORT: '9090' }, 'http://127.0.0.1:9090'],
      [{ HOST: '::', PORT: '8081' }, 'http://localhost:8081'],
      [{ HOST: 'shop.internal', PORT: '80' }, 'http://shop.internal'],
      [{ HOST: '::1', PORT: '8080' }, 'http://[::1]:8080'],
      [
        { HOST: '0.0.0.0', PORT: '9090', WC_HOST_HOME_URL: 'https://shop.example.com/store/' },
        'https://shop.example.com/store',
      ],
    ];
    for (const [index, [vars, expected]] of cases.entries()) {
      const tablePrefix = `s${index}_`;
      const result = await runInProcess(['migrate'], { ...vars, DB_TABLE_PREFIX: tablePrefix });
      expect({ vars, code: result.code }).toEqual({ vars, code: 0 });
      expect(result.stdout).toContain('Seeded a new site');
      expect(await seededUrls(tablePrefix)).toEqual({ siteurl: expected, home: expected, admin: expected });
    }
  });

  it('serve seeds from HOST/PORT too, and its first-start hint names the database the key must go to', async () => {
    const log = captureLog('info');
    const savedEnv = { ...process.env };
    Object.assign(process.env, { HOST: '0.0.0.0', PORT: '8123', DB_TABLE_PREFIX: 'hint_' });
    try {
      const host = await createHost({ databaseUrl: database.url, logger: log.logger, pluginModules: [] });
      await host.close();
    } finally {
      Object.assign(process.env, savedEnv);
      for (const name of ['HOST', 'PORT', 'DB_TABLE_PREFIX']) if (!(name in savedEnv)) delete process.env[name];
    }
    expect(
      log
        .records()
        .map((record) => record.msg)
        .filter((msg) => msg.includes('keys create')),
    ).toEqual([
      expect.stringMatching(
        new RegExp(
          `Make an API key for it with: DATABASE_URL=${escapeRegExp(label)} DB_TABLE_PREFIX=hint_ npx wc-host keys create --user admin --permissions read_write$`,
        ),
      ),
    ]);
    expect(log.lines.join('\n')).not.toContain(
      isMysql ? `:${new URL(database.url).password}@` : 'no password in a SQLite URL',
    );
    expect((await seededUrls('hint_')).siteurl).toBe('http://127.0.0.1:8123');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the wc-host command on a site', () => {
  it('migrate creates the WordPress tables and seeds an empty database, once, naming the database on stderr', () => {
    const first = run(['migrate']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Created tables: .*wp_users.*wp_usermeta/);
    expect(first.stdout).toContain('Seeded a new site with the administrator "admin".');
    expect(first.stdout).toContain(
      `Make an API key for it with: DATABASE_URL=${label} npx wc-host keys create --user admin --permissions read_write\n`,
    );
    expect(first.stderr).toBe(`Database: ${label}\n`);
    const second = run(['migrate']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('All tables already exist.\n');
  });

  it('serves with one log line, and a key made with `keys create --user admin` works against it', async () => {
    const created = run(['keys', 'create', '--user', 'admin', '--permissions', 'read_write', '--json']);
    expect(created.status).toBe(0);
    // The database goes to stderr, so stdout stays one JSON line.
    expect(created.stderr).toBe(`Database: ${label}\n`);
    const lines = created.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const key = JSON.parse(lines[0]);
    expect(Object.keys(key)).toEqual(['key_id', 'user_id', 'consumer_key', 'consumer_secret', 'permissions']);

    const server = await serve();
    try {
      expect(server.lines.filter((line) => line.includes('"level":"info"'))).toHaveLength(1);
      expect((await fetch(`${server.url}/wp-json/`)).status).toBe(200);
      const authorization = `Basic ${Buffer.from(`${key.consumer_key}:${key.consumer_secret}`).toString('base64')}`;
      const customers = await fetch(`${server.url}/wp-json/wc/v3/customers?role=all`, { headers: { authorization } });
      expect(customers.status).toBe(200);
      expect(((await customers.json()) as Array<{ username: string }>).map((c) => c.username)).toEqual(['admin']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('db index shows, removes and adds the customers lookup (serve added it to the database wc-host created)', async () => {
    const status = await runInProcess(['db', 'index', '--status']);
    expect(status.code).toBe(0);
    expect(status.stderr).toBe(`Database: ${label}\n`);
    expect(status.stdout).toMatch(/^customers: ready/);
    const dropped = await runInProcess(['db', 'index', '--drop']);
    expect(dropped.stdout).toContain('customers: removed');
    expect((await runInProcess(['db', 'index', '--status'])).stdout).toMatch(
      /customers: not installed[\s\S]*missing tables: wp_wc_host_user_versions/,
    );
    const added = await runInProcess(['db', 'index']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/customers: ready \(\d+\.\d s\)/);
    // Progress goes to stderr (a line per 5 % when it is not a terminal).
    expect(added.stderr).toMatch(/reading users into the lookup: 100% 1\/1 users/);
    expect((await runInProcess(['db', 'index', '--status'])).stdout).toContain('customers: ready');
  });

  it('db index refuses unknown options and explains itself', async () => {
    const wrong = await runInProcess(['db', 'index', '--frobnicate']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Unknown option "--frobnicate"');
    expect(wrong.stderr).toContain('wc-host db index --drop');
  });

  it('refuses an unknown command and a bad environment with a clear message', async () => {
    const unknown = await runInProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badEnv = run(['serve'], { PORT: 'eighty' });
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toContain('PORT must be a port number');
  });
});
