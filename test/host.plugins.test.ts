import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { definePlugin } from '../src/host/definePlugin';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';
import type { Host, HostOptions } from '../src/host/types';

const silent = createLogger('silent');
let dir: string;
let database: TestDatabase;
const hosts: Host[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wc-host-plugins-'));
  database = await createTestDatabase();
});

afterEach(async () => {
  while (hosts.length > 0) await hosts.pop()?.close();
  delete process.env.WC_HOST_PLUGINS;
});

afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

async function host(options: HostOptions): Promise<Host> {
  const created = await createHost({ databaseUrl: database.url, logger: silent, ...options });
  hosts.push(created);
  return created;
}

async function pluginFile(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, body);
  return file;
}

describe('plugins', () => {
  it('loads a CommonJS plugin listed in WC_HOST_PLUGINS that registers a route and a filter', async () => {
    const file = await pluginFile(
      'hello.js',
      `module.exports = {
        name: 'acme/hello',
        register({ hooks, rest }) {
          hooks.addFilter('acme_greeting', 'acme/hello', (value) => value + ' world');
          rest.registerRoute('acme/v1', '/hello/(?P<name>[a-z]+)', {
            methods: 'GET',
            permissionCallback: () => true,
            callback: async (request) => ({ greeting: await hooks.applyFilters('acme_greeting', 'hello'), name: request.param('name') }),
          });
        },
      };`,
    );
    process.env.WC_HOST_PLUGINS = file;
    const loaded = await host({});
    const response = await supertest(loaded.app).get('/wp-json/acme/v1/hello/ada').expect(200);
    expect(response.body).toEqual({ greeting: 'hello world', name: 'ada' });
    const index = await supertest(loaded.app).get('/wp-json/').expect(200);
    expect(index.body.namespaces).toContain('acme/v1');
  });

  it('accepts a transpiled default export and registers plugins in the order listed', async () => {
    const first = await pluginFile(
      'first.cjs',
      `exports.default = { name: 'acme/first', register({ hooks }) { hooks.addFilter('acme_order', 'acme/first', (list) => [...list, 'first']); } };`,
    );
    const second = await pluginFile(
      'second.js',
      `module.exports = { name: 'acme/second', register({ hooks }) { hooks.addFilter('acme_order', 'acme/second', (list) => [...list, 'second']); } };`,
    );
    const loaded = await host({
      builtinPlugins: false,
      pluginModules: [second, first],
      plugins: [
        definePlugin({
          name: 'acme/third',
          register: ({ hooks }) =>
            hooks.untyped.addFilter('acme_order', 'acme/third', (list) => [...(list as string[]), 'third']),
        }),
      ],
    });
    expect(await loaded.hooks.untyped.applyFilters('acme_order', [])).toEqual(['second', 'first', 'third']);
  });

  it('awaits an async register before serving', async () => {
    const loaded = await host({
      builtinPlugins: false,
      plugins: [
        definePlugin({
          name: 'acme/slow',
          async register({ options }) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            await options.update('acme_ready', 'yes');
          },
        }),
      ],
    });
    expect(await loaded.options.get('acme_ready')).toBe('yes');
  });

  it('stops start-up with the name of a plugin whose register throws', async () => {
    const file = await pluginFile(
      'broken.js',
      `module.exports = { name: 'acme/broken', register() { throw new Error('no licence key'); } };`,
    );
    await expect(createHost({ databaseUrl: database.url, logger: silent, pluginModules: [file] })).rejects.toThrow(
      /Plugin "acme\/broken" .* failed to register: no licence key/,
    );
  });

  it('refuses a module that is not a plugin, a missing module and a duplicate name', async () => {
    const notPlugin = await pluginFile('not-a-plugin.js', 'module.exports = { hello: true };');
    await expect(createHost({ databaseUrl: database.url, logger: silent, pluginModules: [notPlugin] })).rejects.toThrow(
      /must export \{ name: string, register\(host\) \}/,
    );
    await expect(
      createHost({ databaseUrl: database.url, logger: silent, pluginModules: [path.join(dir, 'missing.js')] }),
    ).rejects.toThrow(/was not found/);
    const twin = definePlugin({ name: 'woocommerce/customers', register: () => undefined });
    await expect(createHost({ databaseUrl: database.url, logger: silent, plugins: [twin] })).rejects.toThrow(
      /already registered/,
    );
  });

  it('loads the built-in customers plugin unless told not to', async () => {
    const withBuiltins = await host({ pluginModules: [] });
    expect(withBuiltins.rest.namespaces()).toContain('wc/v2');
    const bare = await host({ builtinPlugins: false, pluginModules: [] });
    expect(bare.rest.namespaces()).not.toContain('wc/v2');
  });
});
