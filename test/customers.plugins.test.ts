import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestHost } from './helpers/testHost';
import { createTestDatabase, openDb, type TestDatabase } from './helpers/testDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { V2, as } from './helpers/customers';

/**
 * A third-party plugin, written as a plain JavaScript file outside the project, changes the customers API through
 * its hooks: loaded by createHost({ pluginModules }) and by the real `wc-host serve` from WC_HOST_PLUGINS.
 */

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');

/**
 * The plugin, as its author would write it: prefixes generated usernames, adds a field and a link to every
 * customer, remembers the last customer created in an option and serves it on its own route.
 */
const PLUGIN_OBJECT = `{
  name: 'acme/loyalty',
  register({ hooks, rest, options }) {
    hooks.addFilter('woocommerce_new_customer_username', 'acme/loyalty', (username) => 'acme.' + username);
    hooks.addFilter('woocommerce_rest_prepare_customer', 'acme/loyalty', (response, user) => {
      response.data.loyalty_tier = user.meta.some((row) => row.meta_key === 'vip') ? 'gold' : 'standard';
      response.addLink('loyalty', 'https://loyalty.example/members/' + user.ID);
      return response;
    });
    hooks.addAction('woocommerce_created_customer', 'acme/loyalty', async (customerId, data) => {
      await options.update('acme_last_customer', { id: customerId, login: data.user_login });
    });
    rest.registerRoute('acme/v1', '/last-customer', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: async () => options.get('acme_last_customer', null),
    });
  },
}`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wc-host-customer-plugins-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pluginFile(name: string, source: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, source);
  return file;
}

/** A response as the checks read it (the body is JSON, read field by field). */
type JsonResponse = { status: number; body: any };

/** Checks the plugin's effects through the API: `send` makes a request against the host's /wp-json. */
async function expectLoyaltyPlugin(send: {
  createCustomer(body: Record<string, unknown>): Promise<JsonResponse>;
  getPath(path: string): Promise<JsonResponse>;
}): Promise<void> {
  const created = await send.createCustomer({
    email: 'jane.roe@example.com',
    meta_data: [{ key: 'vip', value: 'yes' }],
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ username: 'acme.jane.roe', loyalty_tier: 'gold' });
  expect(created.body._links.loyalty).toEqual([{ href: `https://loyalty.example/members/${created.body.id}` }]);

  const plain = await send.createCustomer({ email: 'john.roe@example.com', username: 'given.name' });
  expect(plain.status).toBe(201);
  // A given username is not generated, so the filter does not touch it.
  expect(plain.body).toMatchObject({ username: 'given.name', loyalty_tier: 'standard' });

  const listed = await send.getPath(`/wc/v2/customers?include=${created.body.id},${plain.body.id}&orderby=id`);
  expect(listed.status).toBe(200);
  expect(listed.body.map((customer: { loyalty_tier: string }) => customer.loyalty_tier)).toEqual(['gold', 'standard']);

  const last = await send.getPath('/acme/v1/last-customer');
  expect({ status: last.status, body: last.body }).toEqual({
    status: 200,
    body: { id: plain.body.id, login: 'given.name' },
  });
}

describe('a plugin file outside the project', () => {
  it('loaded through pluginModules (what WC_HOST_PLUGINS fills), changes usernames and responses and serves its route', async () => {
    const file = await pluginFile('loyalty.js', `module.exports = ${PLUGIN_OBJECT};\n`);
    const t = await createTestHost({ pluginModules: [file] });
    try {
      await expectLoyaltyPlugin({
        createCustomer: (body) =>
          as(t.http.post(`${V2}/customers`), t.adminKey).send({ password: 'plugin-pass', ...body }),
        getPath: (route) => as(t.http.get(`/wp-json${route}`), t.adminKey),
      });
      expect(t.host.rest.namespaces()).toContain('acme/v1');
    } finally {
      await t.close();
    }
  });
});

describe('the wc-host command with WC_HOST_PLUGINS', () => {
  // The CLI through ts-node, as cli.test.ts runs it, so no build is needed.
  const ENTRY =
    "require('./src/cli').main(process.argv.slice(1)).catch((e) => { process.stderr.write('wc-host: ' + e.message + '\\n'); process.exit(1); })";
  const nodeArgs = (args: string[]) => ['-r', 'ts-node/register/transpile-only', '-e', ENTRY, ...args];
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
    // What `wc-host migrate` does: `keys` works only on an existing site.
    const open = await openDb(database.url);
    try {
      await migrate(open.db, createLogger('silent'));
    } finally {
      await open.close();
    }
  });

  afterAll(async () => {
    await database.drop();
  });

  /** Starts `wc-host serve`; resolves with its URL once it logs that it listens, rejects if it exits first. */
  function serve(pluginEnv: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<number | null> }> {
    const child = spawn(process.execPath, nodeArgs(['serve']), { cwd: ROOT, env: { ...env, ...pluginEnv } });
    let output = '';
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`serve exited with ${code}: ${output}`));
      child.once('exit', onExit);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)\/wp-json\//.exec(output);
        if (!match) return;
        child.off('exit', onExit);
        resolve({
          url: match[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      });
    });
  }

  it('an ES module plugin listed in WC_HOST_PLUGINS works over HTTP: its route and its customer hooks', async () => {
    const file = await pluginFile('loyalty.mjs', `export default ${PLUGIN_OBJECT};\n`);
    const keys = spawnSync(
      process.execPath,
      nodeArgs(['keys', 'create', '--user', 'admin', '--permissions', 'read_write', '--json']),
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    );
    expect(keys.status).toBe(0);
    const key = JSON.parse(keys.stdout) as { consumer_key: string; consumer_secret: string };
    const authorization = `Basic ${Buffer.from(`${key.consumer_key}:${key.consumer_secret}`).toString('base64')}`;

    const server = await serve({ WC_HOST_PLUGINS: file });
    try {
      const request = async (route: string, init: RequestInit = {}): Promise<JsonResponse> => {
        const response = await fetch(`${server.url}/wp-json${route}`, {
          ...init,
          headers: { authorization, 'content-type': 'application/json', ...init.headers },
        });
        return { status: response.status, body: await response.json() };
      };
      await expectLoyaltyPlugin({
        createCustomer: (body) =>
          request('/wc/v2/customers', { method: 'POST', body: JSON.stringify({ password: 'plugin-pass', ...body }) }),
        getPath: (route) => request(route),
      });
      const index = await request('/');
      expect(index.body.namespaces).toEqual(expect.arrayContaining(['wc/v2', 'acme/v1']));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('a plugin whose register throws stops start-up, naming the plugin', async () => {
    const file = await pluginFile(
      'broken.mjs',
      `export default { name: 'acme/broken', register() { throw new Error('missing ACME_LICENCE_KEY'); } };\n`,
    );
    const started = spawnSync(process.execPath, nodeArgs(['serve']), {
      cwd: ROOT,
      env: { ...env, WC_HOST_PLUGINS: file },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain(
      `wc-host: Plugin "acme/broken" (${file}) failed to register: missing ACME_LICENCE_KEY`,
    );
    expect(started.stdout).not.toContain('listening on');
  });
});
