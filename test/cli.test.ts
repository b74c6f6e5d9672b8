import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The CLI as an operator runs it, through ts-node so the tests need no build step.
const ROOT = path.resolve(__dirname, '..');
const ENTRY = "require('./src/cli').main(process.argv.slice(1)).catch((e) => { process.stderr.write(e.message + '\\n'); process.exit(1); })";
const nodeArgs = (args: string[]) => ['-r', 'ts-node/register/transpile-only', '-e', ENTRY, ...args];

jest.setTimeout(90_000);

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wc-host-cli-'));
  // The CLI is only exercised on SQLite: it reads DATABASE_URL like any other start, the database makes no difference.
  env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'site.sqlite')}`, LOG_LEVEL: 'info', PORT: '0' };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(process.execPath, nodeArgs(args), { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
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
          stop: () => new Promise((done) => {
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

describe('the wc-host command', () => {
  it('migrate creates the WordPress tables and seeds an empty database, once', () => {
    const first = run(['migrate']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Created tables: .*wp_users.*wp_usermeta/);
    expect(first.stdout).toContain('Seeded a new site with the administrator "admin".');
    const second = run(['migrate']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('All tables already exist.\n');
  });

  it('serves with one log line, and a key made with `keys create --user admin` works against it', async () => {
    const created = run(['keys', 'create', '--user', 'admin', '--permissions', 'read_write', '--json']);
    expect(created.status).toBe(0);
    const lines = created.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const key = JSON.parse(lines[0]);
    expect(Object.keys(key)).toEqual(['key_id', 'user_id', 'consumer_key', 'consumer_secret', 'permissions']);

    const server = await serve();
    try {
      expect(server.lines.filter((line) => / info /.test(line))).toHaveLength(1);
      expect((await fetch(`${server.url}/wp-json/`)).status).toBe(200);
      const authorization = `Basic ${Buffer.from(`${key.consumer_key}:${key.consumer_secret}`).toString('base64')}`;
      const customers = await fetch(`${server.url}/wp-json/wc/v3/customers?role=all`, { headers: { authorization } });
      expect(customers.status).toBe(200);
      expect(((await customers.json()) as Array<{ username: string }>).map((c) => c.username)).toEqual(['admin']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('db index shows, removes and adds the customers lookup (serve added it to the database wc-host created)', () => {
    const status = run(['db', 'index', '--status']);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/^Database: sqlite:.*site\.sqlite\ncustomers: ready/);
    const dropped = run(['db', 'index', '--drop']);
    expect(dropped.stdout).toContain('customers: removed');
    expect(run(['db', 'index', '--status']).stdout).toMatch(/customers: not installed[\s\S]*missing tables: wp_wc_host_user_versions/);
    const added = run(['db', 'index']);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/customers: ready \(\d+\.\d s\)/);
    // Progress goes to stderr (a line per 5 % when it is not a terminal).
    expect(added.stderr).toMatch(/reading users into the lookup: 100% 1\/1 users/);
    expect(run(['db', 'index', '--status']).stdout).toContain('customers: ready');
  });

  it('db index refuses unknown options and explains itself', () => {
    const wrong = run(['db', 'index', '--frobnicate']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Unknown option "--frobnicate"');
    expect(wrong.stderr).toContain('wc-host db index --drop');
    const help = run(['db', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('wc-host db index --status');
  });

  it('refuses an unknown command and a bad environment with a clear message', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badEnv = spawnSync(process.execPath, nodeArgs(['serve']), { cwd: ROOT, env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toContain('PORT must be a port number');
  });
});
