import express from 'express';
import { readEnv, readServerEnv } from '../config/env';
import { createHooks } from '../hooks';
import { createRestServer } from '../rest';
import { RETRY_AFTER_SECONDS } from '../rest/errors';
import { createDataSource } from '../db/createDataSource';
import { createDb } from '../db/createDb';
import { migrate } from '../db/migrate';
import { createOptionsApi } from './options';
import { createLogger } from './logger';
import { loadPlugins, registerPlugins } from './pluginLoader';
import { mapsApiKeys } from '../auth/mapsApiKeys';
import { createWooCommerceAuthenticator } from '../auth/wooCommerceAuthenticator';
import { AuthThrottle } from '../auth/throttle/authThrottle';
import type { Host, HostConfig, HostOptions, PluginHost } from './types';
import { createDatabaseIndexRegistry } from './databaseIndexes';
import { reportOrInstallIndexes } from './reportOrInstallIndexes';
import { keysCreateHint } from './keysCreateHint';
import { openDataSource } from '../db/openDataSource';
import { seededSiteUrl } from '../config/seededSiteUrl';
import { createRequestGate } from './requestGate';
import { createOutageTracker } from '../db/outage/outageTracker';
import { readinessCheck } from './readinessCheck';
import { createLoadShedder } from './load/loadShedding';
import { dbPoolQueueLength } from './load/dbPoolQueue';
import { accessLog } from './accessLog';
import { optionText } from '../wp/optionText';
import { refuseReplicasOfSqlite } from '../db/replicas/replicaSettings';
import { openReadReplicas, type ReadReplicas } from '../db/replicas/openReadReplicas';
import { readRoutingMiddleware, routeReadsAfter } from './readReplicaRouting';

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

  const databaseUrl = options.databaseUrl ?? env.databaseUrl;
  const timeouts = { ...env.timeouts, ...options.timeouts };
  // Plugins first: their tables are part of the database the DataSource maps and migrate() completes.
  const entries = await loadPlugins({
    builtin: options.builtinPlugins !== false,
    modules: options.pluginModules ?? env.pluginModules,
    extra: options.plugins,
  });
  const plugins = entries.map((entry) => entry.plugin);
  const replicaSettings = { ...env.replicas, ...options.replicas };
  refuseReplicasOfSqlite(databaseUrl, replicaSettings.urls);
  const dataSource = createDataSource({ url: databaseUrl, tablePrefix: config.tablePrefix, timeouts, plugins });
  await openDataSource(dataSource, databaseUrl);
  let readReplicas: ReadReplicas | null = null;
  try {
    if (replicaSettings.urls.length > 0) {
      readReplicas = await openReadReplicas({
        dataSource,
        tablePrefix: config.tablePrefix,
        settings: replicaSettings,
        timeouts,
        logger,
      });
    }
    const readRouter = readReplicas?.router;
    const db = createDb(dataSource, config.tablePrefix, {
      queryTimeoutMs: timeouts.dbQueryMs,
      outage: createOutageTracker(logger),
      readRouter,
    });
    if (options.migrate !== false) {
      const result = await migrate(db, logger, { siteUrl: seededSiteUrl({ ...env, homeUrl: config.homeUrl }) });
      if (result.seeded) {
        logger.info(
          'New database: created the WordPress tables and the administrator "admin" (no password is printed).',
        );
        logger.info(`Make an API key for it with: ${keysCreateHint(databaseUrl, config.tablePrefix)}`);
      }
    }

    const hooks = createHooks();
    const optionsApi = createOptionsApi(db);
    const rest = createRestServer({
      hooks,
      logger,
      siteInfo: async () => ({
        name: optionText(await optionsApi.get('blogname', 'wc-host')),
        description: optionText(await optionsApi.get('blogdescription', '')),
        url: config.homeUrl ?? optionText(await optionsApi.get('siteurl', '')),
        home: config.homeUrl ?? optionText(await optionsApi.get('home', '')),
        gmt_offset: optionText(await optionsApi.get('gmt_offset', '0')),
        timezone_string: optionText(await optionsApi.get('timezone_string', '')),
      }),
    });
    // WooCommerce's REST authentication reads the API keys of the plugin that owns their table (woocommerce/core).
    if (mapsApiKeys(dataSource)) {
      const throttle = new AuthThrottle(
        dataSource,
        config.tablePrefix,
        options.authThrottle ?? env.authThrottle,
        logger,
      );
      const authenticator = createWooCommerceAuthenticator({
        db,
        options: optionsApi,
        config,
        hooks,
        logger,
        throttle,
      });
      rest.addAuthenticator(readRouter ? routeReadsAfter(readRouter, authenticator) : authenticator);
    }

    const dbIndexes = createDatabaseIndexRegistry();
    const pluginHost: PluginHost = { hooks, rest, options: optionsApi, dataSource, db, logger, config, dbIndexes };
    await registerPlugins(entries, pluginHost);
    if (options.migrate !== false) await reportOrInstallIndexes(db, dbIndexes.list(), logger);

    const gate = createRequestGate();
    const app = express();
    app.disable('x-powered-by');
    // First, so requests refused by the gate are logged too.
    if (options.accessLog ?? env.accessLog) app.use(accessLog(logger));
    app.use(gate.middleware);
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const isReady = readinessCheck(db);
    app.get('/readyz', async (_req, res) => {
      if (await isReady()) res.json({ status: 'ready' });
      else res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable' });
    });
    // After the health checks: a probe must learn whether the process and its database are up, whatever the load.
    const shedder = createLoadShedder({ ...env.loadShedding, ...options.loadShedding }, () =>
      dbPoolQueueLength(dataSource),
    );
    app.use(shedder.middleware);
    if (readRouter) app.use(readRoutingMiddleware(readRouter));
    app.use(
      rest.router({ trustProxy: config.trustProxy, homeUrl: config.homeUrl, requestTimeoutMs: timeouts.requestMs }),
    );

    const shutdownTimeoutMs = options.shutdownTimeoutMs ?? readServerEnv().shutdownTimeoutMs;
    let closing: Promise<void> | null = null;
    const close = async (timeoutMs: number): Promise<void> => {
      const unfinished = await gate.close(timeoutMs);
      shedder.stop();
      if (unfinished > 0) {
        logger.warn(`Closing the database with ${unfinished} request(s) still in flight after waiting ${timeoutMs} ms`);
      }
      await db.close();
      await readReplicas?.close();
      await dataSource.destroy();
    };
    return {
      ...pluginHost,
      app,
      rest,
      dbIndexes,
      close(closeOptions = {}) {
        closing ??= close(closeOptions.timeoutMs ?? shutdownTimeoutMs);
        return closing;
      },
    };
  } catch (error) {
    await readReplicas?.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    throw error;
  }
}
