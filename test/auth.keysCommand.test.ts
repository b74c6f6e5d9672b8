import { createTestHost, type TestHost } from './helpers/testHost';
import { hashConsumerKey } from '../src/auth/apiKeys';
import { runKeysCommand } from '../src/auth/keysCommand';

/** `wc-host keys create|list|revoke` against a real database. */
describe('wc-host keys', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost();
    t.host.rest.registerRoute('wc/v2', '/whoami', {
      methods: 'GET',
      callback: (request) => ({ user: request.user?.id ?? 0 }),
      permissionCallback: () => true,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runKeysCommand(argv, {
      db: t.host.db,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  const basic = (ck: string, cs: string) => `Basic ${Buffer.from(`${ck}:${cs}`).toString('base64')}`;

  it('create --json prints one line with key_id, user_id, consumer_key, consumer_secret, permissions — and the key works', async () => {
    const result = await run('create', '--user', 'admin', '--permissions', 'read', '--json');
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out).toHaveLength(1);
    const parsed = JSON.parse(result.out[0]) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['key_id', 'user_id', 'consumer_key', 'consumer_secret', 'permissions']);
    expect(parsed).toMatchObject({ user_id: 1, permissions: 'read' });
    expect(parsed.consumer_key).toMatch(/^ck_[0-9a-f]{40}$/);
    expect(parsed.consumer_secret).toMatch(/^cs_[0-9a-f]{40}$/);

    const response = await t.http
      .get('/wp-json/wc/v2/whoami')
      .set('Authorization', basic(String(parsed.consumer_key), String(parsed.consumer_secret)));
    expect(response.body).toEqual({ user: 1 });
    const rows = await t.host.db.query<{ consumer_key: string; description: string }>(
      `SELECT consumer_key, description FROM ${t.host.db.table('woocommerce_api_keys')} WHERE key_id = ?`,
      [parsed.key_id],
    );
    expect(rows[0].consumer_key).toBe(hashConsumerKey(String(parsed.consumer_key)));
    expect(rows[0].description).toMatch(/^wc-host CLI - API \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)$/);
  });

  it('create prints the key and secret once with a curl example, accepts a user ID and a description', async () => {
    const result = await run('create', '--user=1', '--permissions=read_write', '--description', 'Shop sync');
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    const key = /Consumer key:\s+(ck_[0-9a-f]{40})/.exec(text)?.[1];
    const secret = /Consumer secret:\s+(cs_[0-9a-f]{40})/.exec(text)?.[1];
    expect(key).toBeDefined();
    expect(secret).toBeDefined();
    expect(text).toContain(`curl -u ${key}:${secret} http://127.0.0.1:8080/wp-json/wc/v3/customers`);
    expect(text).toContain('for admin (user 1) with read_write permissions');
    const rows = await t.host.db.query<{ description: string }>(
      `SELECT description FROM ${t.host.db.table('woocommerce_api_keys')} WHERE consumer_key = ?`,
      [hashConsumerKey(String(key))],
    );
    expect(rows[0].description).toBe('Shop sync');
  });

  it('finds a numeric login when no user has that ID', async () => {
    await t.host.db.execute(
      `INSERT INTO ${t.host.db.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name)
       VALUES ('90210', '', '90210', 'n@example.com', '', '2025-01-01 00:00:00', '', 0, '90210')`,
    );
    const result = await run('create', '--user', '90210', '--permissions', 'read', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0]).user_id).not.toBe(90210);
  });

  it.each([
    [['create', '--user', 'nobody', '--permissions', 'read'], 'No user with login or ID "nobody".'],
    [
      ['create', '--user', 'admin', '--permissions', 'admin'],
      '--permissions must be read, write or read_write, got "admin".',
    ],
    [['create', '--permissions', 'read'], 'Missing --user <login|id>.'],
    [['create', '--user', 'admin'], 'Missing --permissions read|write|read_write.'],
    [
      ['create', '--user', 'admin', '--permissions', 'read', '--description', 'x'.repeat(201)],
      'The description may be at most 200 characters long.',
    ],
    [['create', '--user', 'admin', '--permissions', 'read', '--colour', 'red'], 'Unknown option --colour.'],
    [['create', '--user'], '--user needs a value.'],
    [['create', '--json=yes'], '--json takes no value.'],
    [['revoke'], 'revoke takes exactly one key ID.'],
    [['revoke', 'abc'], 'A key ID is a number, got "abc".'],
    [['rotate'], 'Unknown subcommand "rotate".'],
    [[], 'Missing subcommand.'],
  ])('%j fails with a clear message and exit code 1', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toBe(message);
  });

  it('prints usage on help', async () => {
    const result = await run('help');
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe('Usage:');
  });

  it('lists keys without secrets: id, user, permissions, description, truncated key, last access', async () => {
    const created = JSON.parse(
      (await run('create', '--user', 'admin', '--permissions', 'write', '--description', 'List me', '--json')).out[0],
    );
    const result = await run('list');
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^KEY_ID\s+USER\s+PERMISSIONS\s+DESCRIPTION\s+KEY\s+LAST_ACCESS$/);
    const line = result.out.find((row) => row.startsWith(`${created.key_id} `));
    expect(line).toMatch(
      new RegExp(
        `^${created.key_id}\\s+admin \\(#1\\)\\s+write\\s+List me\\s+…${created.consumer_key.slice(-7)}\\s+never$`,
      ),
    );
    const everything = result.out.join('\n');
    expect(everything).not.toContain(created.consumer_secret);
    expect(everything).not.toContain(created.consumer_key);

    await t.host.db.execute(
      `UPDATE ${t.host.db.table('woocommerce_api_keys')} SET last_access = '2025-02-03 04:05:06', user_id = 999 WHERE key_id = ?`,
      [created.key_id],
    );
    const after = (await run('list')).out.find((row) => row.startsWith(`${created.key_id} `));
    expect(after).toMatch(/#999 \(deleted\).*2025-02-03 04:05:06$/);
  });

  it('revokes a key, which then no longer authenticates', async () => {
    const created = JSON.parse((await run('create', '--user', 'admin', '--permissions', 'read', '--json')).out[0]);
    const result = await run('revoke', String(created.key_id));
    expect(result).toEqual({ code: 0, out: [`Revoked API key ${created.key_id}.`], err: [] });
    const response = await t.http
      .get('/wp-json/wc/v2/whoami')
      .set('Authorization', basic(created.consumer_key, created.consumer_secret));
    expect(response.body).toEqual({ user: 0 });
    const again = await run('revoke', String(created.key_id));
    expect(again).toMatchObject({ code: 1, err: [`No API key with ID ${created.key_id}.`] });
  });

  it('says so when there are no keys', async () => {
    await t.host.db.execute(`DELETE FROM ${t.host.db.table('woocommerce_api_keys')}`);
    expect((await run('list')).out).toEqual(['No API keys.']);
  });
});
