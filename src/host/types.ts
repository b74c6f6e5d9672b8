import type { AuthThrottleSettings } from '../auth/throttle/authThrottle';
import type { LoadSheddingSettings } from './load/loadShedding';
import type { Express } from 'express';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { TableDefinition } from '../db/tableDefinition';
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

/**
 * What an option holds, as get_option() returns it: the stored text (WordPress stores scalars as text: `17` reads
 * back as '17'), or the PHP value that text unserializes to (arrays, and the odd serialized number or boolean).
 */
export type OptionValue = string | number | boolean | null | OptionValue[] | { [key: string]: OptionValue };

/** Reads an option as `T`: `parse` is given the stored value; `default` is returned as is when there is none. */
export interface OptionParser<T, D = undefined> {
  parse: (stored: OptionValue) => T;
  default?: D;
}

/** The WordPress options API over `{prefix}options` (values maybe-serialized as WordPress does). */
export interface OptionsApi {
  /**
   * get_option(): what is stored, or `defaultValue` when the option does not exist. With a parser,
   * `get('posts_per_page', { parse: Number, default: 10 })`, the stored value goes through `parse`.
   */
  get<T, const D = undefined>(name: string, parser: OptionParser<T, D>): Promise<T | D>;
  get(name: string): Promise<OptionValue | undefined>;
  get<const D>(name: string, defaultValue: D): Promise<OptionValue | D>;
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
  /**
   * The names of the plugins this one needs. They are registered first (and their tables created first); a missing
   * one stops start-up with both names in the message.
   */
  requires?: readonly string[];
  /**
   * The tables this plugin owns. Before any plugin registers, the host creates whichever are missing (with the
   * site's table prefix; an existing table is never altered) and maps their entities, so
   * `host.dataSource.getRepository(Entity)` works.
   */
  tables?: readonly TableDefinition[];
  /**
   * TypeORM migrations for what creating missing tables cannot do (a new column, data). Run once each, after the
   * tables, with the host's own, in timestamp order; recorded by name in `{prefix}wc_host_migrations`.
   */
  migrations?: readonly MigrationClass[];
  register(host: PluginHost): void | Promise<void>;
}

/** A TypeORM migration class: `class AddPoints1767000000000 implements MigrationInterface { … }`. */
export type MigrationClass = new () => MigrationInterface;

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
