import express from 'express';
import { readEnv } from '../config/env';
import { createHooks } from '../hooks';
import { createRestServer } from '../rest';
import { RETRY_AFTER_SECONDS } from '../rest/errors';
import { createDataSource } from '../db/createDataSource';
import { createDb } from '../db/createDb';
import { migrate } from '../db/migrate';
import { createOptionsApi } from './options';
import { createLogger } from './logger';
import { loadBuiltinPlugins, loadPluginModules, registerPlugins, type PluginEntry } from './pluginLoader';
import { createWooCommerceAuthenticator } from '../auth/wooCommerceAuthenticator';
import type { Host, HostConfig, HostOptions, PluginHost } from './types';
import { createDatabaseIndexRegistry } from './databaseIndexes';
import { reportOrInstallIndexes } from './reportOrInstallIndexes';
import { createOutageTracker } from '../db/outage/outageTracker';
import { readinessCheck } from './readinessCheck';

/**
 * Builds a host: database (migrated and seeded on first use), hooks, REST server, authentication and plugins.
 * `host.app` serves `/wp-json` (and `?rest_route=`) and can be mounted inside a larger Express app.
 */
export async function createHost(options: HostOptions = {}): Promise<Host> {
  const env = readEnv();
  const logger = options.logger ?? createLogger(env.logLevel);
  const config: HostConfig = {
    tablePrefix: options.tablePrefix ?? env.tablePrefix,
    homeUrl: options.homeUrl !== undefined ? options.homeUrl : env.homeUrl,
    trustProxy: options.trustProxy ?? env.trustProxy,
    strictAuth: options.strictAuth ?? env.strictAuth,
  };

  const timeouts = { ...env.timeouts, ...options.timeouts };
  const dataSource = createDataSource({ url: options.databaseUrl ?? env.databaseUrl, tablePrefix: config.tablePrefix, timeouts });
  await dataSource.initialize();
  try {
    const db = createDb(dataSource, config.tablePrefix, { queryTimeoutMs: timeouts.dbQueryMs, outage: createOutageTracker(logger) });
    if (options.migrate !== false) {
      const result = await migrate(db, logger);
      if (result.seeded) {
        logger.info('New database: created the WordPress tables and the administrator "admin" (no password is printed).');
        logger.info('Make an API key for it with: npx wc-host keys create --user admin --permissions read_write');
      }
    }

    const hooks = createHooks();
    const optionsApi = createOptionsApi(db);
    const rest = createRestServer({
      hooks,
      logger,
      siteInfo: async () => ({
        name: String(await optionsApi.get('blogname', 'wc-host')),
        description: String(await optionsApi.get('blogdescription', '')),
        url: config.homeUrl ?? String(await optionsApi.get('siteurl', '')),
        home: config.homeUrl ?? String(await optionsApi.get('home', '')),
        gmt_offset: String(await optionsApi.get('gmt_offset', '0')),
        timezone_string: String(await optionsApi.get('timezone_string', '')),
      }),
    });
    rest.addAuthenticator(createWooCommerceAuthenticator({ db, options: optionsApi, config, hooks, logger }));

    const dbIndexes = createDatabaseIndexRegistry();
    const pluginHost: PluginHost = { hooks, rest, options: optionsApi, dataSource, db, logger, config, dbIndexes };
    const entries: PluginEntry[] = [
      ...(options.builtinPlugins === false ? [] : loadBuiltinPlugins()),
      ...(await loadPluginModules(options.pluginModules ?? env.pluginModules)),
      ...(options.plugins ?? []).map((plugin, index) => ({ plugin, source: `options.plugins[${index}]` })),
    ];
    await registerPlugins(entries, pluginHost);
    if (options.migrate !== false) await reportOrInstallIndexes(db, dbIndexes.list(), logger);

    const app = express();
    app.disable('x-powered-by');
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const isReady = readinessCheck(db);
    app.get('/readyz', async (_req, res) => {
      if (await isReady()) res.json({ status: 'ready' });
      else res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable' });
    });
    app.use(rest.router({ trustProxy: config.trustProxy, homeUrl: config.homeUrl, requestTimeoutMs: timeouts.requestMs }));

    let closed = false;
    return {
      ...pluginHost,
      app,
      rest,
      dbIndexes,
      async close() {
        if (closed) return;
        closed = true;
        await db.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw error;
  }
}
