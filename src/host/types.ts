import type { AuthThrottleSettings } from '../auth/throttle/authThrottle';
import type { LoadSheddingSettings } from './load/loadShedding';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { Hooks } from '../hooks/types';
import type { RestApi } from '../rest/types';
import type { Db } from '../db/types';
import type { DatabaseIndexRegistry } from './databaseIndexes';
import type { Timeouts } from '../config/timeouts';
import type { ReplicaSettings } from '../db/replicas/replicaSettings';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The WordPress options API over `{prefix}options` (values maybe-serialized as WordPress does). */
export interface OptionsApi {
  get<T = unknown>(name: string, defaultValue?: T): Promise<T>;
  /** Creates or updates the option; returns false when the value was unchanged. */
  update(name: string, value: unknown, autoload?: boolean): Promise<boolean>;
  /** Adds the option only if it does not exist; returns false when it existed. */
  add(name: string, value: unknown, autoload?: boolean): Promise<boolean>;
  delete(name: string): Promise<boolean>;
}

/** Site-wide settings the host resolved at start-up. */
export interface HostConfig {
  /** Table prefix, e.g. `wp_`. */
  tablePrefix: string;
  /** WC_HOST_HOME_URL when set: the site's home URL used for OAuth base strings and links. */
  homeUrl: string | null;
  /** TRUST_PROXY: whether X-Forwarded-* headers from the proxy are believed. */
  trustProxy: boolean;
  /** WC_HOST_STRICT_AUTH: refuse Basic/query keys over plain HTTP even from loopback. */
  strictAuth: boolean;
}

/** What a plugin's `register` receives. */
export interface PluginHost {
  hooks: Hooks;
  rest: Pick<RestApi, 'registerRoute' | 'namespaces' | 'dispatch'>;
  options: OptionsApi;
  dataSource: DataSource;
  db: Db;
  logger: Logger;
  config: HostConfig;
  /** Register indexes the plugin keeps in the database (installed by `npx wc-host db index`). */
  dbIndexes: Pick<DatabaseIndexRegistry, 'register'>;
}

export interface Plugin {
  /** A unique name, e.g. `woocommerce/customers` or `acme/loyalty`. */
  name: string;
  register(host: PluginHost): void | Promise<void>;
}

export interface HostOptions {
  /** `sqlite:<path>` or `mysql://user:pass@host:port/db`; default from DATABASE_URL, else `sqlite:./data/wc-host.sqlite`. */
  databaseUrl?: string;
  tablePrefix?: string;
  /** Extra plugins, loaded after the built-in ones and those from WC_HOST_PLUGINS. */
  plugins?: Plugin[];
  /** Load the plugins under `plugins/` (default true). */
  builtinPlugins?: boolean;
  /** Module paths or package names to load as plugins; default from WC_HOST_PLUGINS. */
  pluginModules?: string[];
  logger?: Logger;
  /** One log line per request at info (health probes at debug); default from WC_HOST_ACCESS_LOG, else on. */
  accessLog?: boolean;
  homeUrl?: string | null;
  trustProxy?: boolean;
  strictAuth?: boolean;
  /** Limits on failed authentications (and optional per-key request rates); default from the WC_HOST_AUTH_* variables. */
  authThrottle?: AuthThrottleSettings;
  /** Limits past which requests get 503 `wc_host_overloaded`; each defaults to its WC_HOST_* variable (0: off). */
  loadShedding?: Partial<LoadSheddingSettings>;
  /** Create missing tables and seed an empty database at start-up (default true). */
  migrate?: boolean;
  /** How long close() waits for requests in flight before closing the database; default WC_HOST_SHUTDOWN_TIMEOUT_MS, else 10 s. */
  shutdownTimeoutMs?: number;
  /** Database and request deadlines (see src/config/timeouts.ts); default from the WC_HOST_DB_*_MS / WC_HOST_REQUEST_DEADLINE_MS variables. */
  timeouts?: Partial<Timeouts>;
  /** Read replicas of a MySQL/MariaDB database; each setting defaults to DATABASE_REPLICA_URLS / its WC_HOST_REPLICA_* variable. */
  replicas?: Partial<ReplicaSettings>;
}

export interface HostCloseOptions {
  /** Overrides HostOptions.shutdownTimeoutMs for this close. */
  timeoutMs?: number;
}

export interface Host extends PluginHost {
  /** An Express app that serves `/wp-json`; mount it in a larger app with `parent.use('/store', host.app)`. */
  app: Express;
  rest: RestApi;
  dbIndexes: DatabaseIndexRegistry;
  /**
   * Refuses new requests (503 `wc_host_shutting_down`), waits for those in flight (at most the shutdown timeout),
   * then closes the database. Calling it again returns the same promise.
   */
  close(options?: HostCloseOptions): Promise<void>;
}
