/**
 * The only place that reads process.env. The variables are validated at boot (class-validator over a
 * class-transformer instance), so a typo stops start-up with a message naming the variable.
 */
import os from 'node:os';
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';
import type { LogLevel } from '../host/types';
import { DEFAULT_DATABASE_URL } from './databaseUrl';
import type { AuthThrottleSettings } from '../auth/throttle/authThrottle';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts';
import type { LoadSheddingSettings } from '../host/load/loadShedding';
import { DEFAULT_REPLICA_SETTINGS, parseReplicaUrls, type ReplicaSettings } from '../db/replicas/replicaSettings';

export interface EnvConfig {
  port: number;
  host: string;
  databaseUrl: string;
  tablePrefix: string;
  pluginModules: string[];
  logLevel: LogLevel;
  trustProxy: boolean;
  homeUrl: string | null;
  strictAuth: boolean;
  authThrottle: AuthThrottleSettings;
  timeouts: Timeouts;
  loadShedding: LoadSheddingSettings;
  /** WC_HOST_ACCESS_LOG: one log line per request (default on). */
  accessLog: boolean;
  /** DATABASE_REPLICA_URLS and the WC_HOST_REPLICA_* bounds (README.md, "Read replicas"). */
  replicas: ReplicaSettings;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const FLAG = /^(1|0|true|false|yes|no|on|off)$/i;

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const toLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/** The rules of an optional whole-number variable, all reporting `message`; `max` null: no upper bound. */
function wholeNumberRules(message: string, min: number, max: number | null): PropertyDecorator {
  const rules = [
    IsOptional(),
    Transform(toNumber),
    IsInt({ message }),
    Min(min, { message }),
    ...(max === null ? [] : [Max(max, { message })]),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key));
}

/** An optional duration variable: a whole number of milliseconds, 0 meaning no limit. */
function Milliseconds(): PropertyDecorator {
  return (target, name) =>
    wholeNumberRules(`${String(name)} must be a whole number of milliseconds (0 = no limit)`, 0, null)(target, name);
}

/** An optional whole number from `min` to `max`, with one message naming the variable (and what 0 means, if anything). */
function WholeNumber(name: string, min: number, max: number, zero = ''): PropertyDecorator {
  return wholeNumberRules(`${name} must be a whole number from ${min} to ${max}${zero}`, min, max);
}

/** The environment variables wc-host reads, with their rules. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'PORT must be a port number (0-65535)' })
  @Min(0, { message: 'PORT must be a port number (0-65535)' })
  @Max(65535, { message: 'PORT must be a port number (0-65535)' })
  PORT?: number;

  @IsOptional()
  HOST?: string;

  @IsOptional()
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_]+$/, { message: 'DB_TABLE_PREFIX may contain only letters, digits and underscores' })
  DB_TABLE_PREFIX?: string;

  @IsOptional()
  WC_HOST_PLUGINS?: string;

  @IsOptional()
  @Transform(toLower)
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Matches(FLAG, { message: 'TRUST_PROXY must be 1/0, true/false, yes/no or on/off' })
  TRUST_PROXY?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^/]+/i, { message: 'WC_HOST_HOME_URL must be an http(s) URL' })
  WC_HOST_HOME_URL?: string;

  @IsOptional()
  @Matches(FLAG, { message: 'WC_HOST_STRICT_AUTH must be 1/0, true/false, yes/no or on/off' })
  WC_HOST_STRICT_AUTH?: string;

  @IsOptional()
  @Matches(FLAG, { message: 'WC_HOST_ACCESS_LOG must be on/off, 1/0, true/false or yes/no' })
  WC_HOST_ACCESS_LOG?: string;

  @WholeNumber('WC_HOST_AUTH_MAX_FAILURES', 0, 1_000_000, ' (0: off)')
  WC_HOST_AUTH_MAX_FAILURES?: number;

  @WholeNumber('WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS', 0, 1_000_000, ' (0: off)')
  WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS?: number;

  @WholeNumber('WC_HOST_AUTH_MAX_FAILURES_PER_KEY', 0, 1_000_000, ' (0: off)')
  WC_HOST_AUTH_MAX_FAILURES_PER_KEY?: number;

  @WholeNumber('WC_HOST_AUTH_BLOCK_SECONDS', 1, 86_400)
  WC_HOST_AUTH_BLOCK_SECONDS?: number;

  @WholeNumber('WC_HOST_KEY_REQUESTS_PER_MINUTE', 0, 1_000_000, ' (0: off)')
  WC_HOST_KEY_REQUESTS_PER_MINUTE?: number;

  @Milliseconds()
  WC_HOST_DB_CONNECT_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_DB_ACQUIRE_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_DB_QUERY_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_REQUEST_DEADLINE_MS?: number;

  @WholeNumber('WC_HOST_MAX_IN_FLIGHT', 0, 1_000_000, ' (0: off)')
  WC_HOST_MAX_IN_FLIGHT?: number;

  @WholeNumber('WC_HOST_MAX_WRITES_IN_FLIGHT', 0, 1_000_000, ' (0: off)')
  WC_HOST_MAX_WRITES_IN_FLIGHT?: number;

  @WholeNumber('WC_HOST_MAX_EVENT_LOOP_DELAY_MS', 0, 60_000, ' (0: off)')
  WC_HOST_MAX_EVENT_LOOP_DELAY_MS?: number;

  @WholeNumber('WC_HOST_MAX_DB_QUEUE', 0, 1_000_000, ' (0: off)')
  WC_HOST_MAX_DB_QUEUE?: number;

  @WholeNumber('WC_HOST_SHED_RETRY_AFTER_SECONDS', 1, 3600)
  WC_HOST_SHED_RETRY_AFTER_SECONDS?: number;

  @IsOptional()
  DATABASE_REPLICA_URLS?: string;

  @WholeNumber('WC_HOST_REPLICA_MAX_LAG_SECONDS', 0, 86_400)
  WC_HOST_REPLICA_MAX_LAG_SECONDS?: number;

  @WholeNumber('WC_HOST_REPLICA_WAIT_MS', 0, 60_000, ' (0: no wait)')
  WC_HOST_REPLICA_WAIT_MS?: number;

  @WholeNumber('WC_HOST_REPLICA_CHECK_INTERVAL_MS', 100, 3_600_000)
  WC_HOST_REPLICA_CHECK_INTERVAL_MS?: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const vars = validated(EnvironmentVariables, env);
  return {
    port: vars.PORT ?? 8080,
    host: vars.HOST ?? '127.0.0.1',
    databaseUrl: vars.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    tablePrefix: vars.DB_TABLE_PREFIX ?? 'wp_',
    pluginModules: splitList(vars.WC_HOST_PLUGINS),
    logLevel: vars.LOG_LEVEL ?? 'info',
    trustProxy: isOn(vars.TRUST_PROXY),
    homeUrl: vars.WC_HOST_HOME_URL ? vars.WC_HOST_HOME_URL.replace(/\/+$/, '') : null,
    strictAuth: isOn(vars.WC_HOST_STRICT_AUTH),
    authThrottle: authThrottleSettings(vars),
    timeouts: {
      dbConnectMs: vars.WC_HOST_DB_CONNECT_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbConnectMs,
      dbAcquireMs: vars.WC_HOST_DB_ACQUIRE_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbAcquireMs,
      dbQueryMs: vars.WC_HOST_DB_QUERY_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbQueryMs,
      requestMs: vars.WC_HOST_REQUEST_DEADLINE_MS ?? DEFAULT_TIMEOUTS.requestMs,
    },
    loadShedding: loadSheddingSettings(vars),
    accessLog: vars.WC_HOST_ACCESS_LOG === undefined || isOn(vars.WC_HOST_ACCESS_LOG),
    replicas: replicaSettings(vars),
  };
}

function replicaSettings(vars: EnvironmentVariables): ReplicaSettings {
  let urls: string[];
  try {
    urls = parseReplicaUrls(vars.DATABASE_REPLICA_URLS);
  } catch (error) {
    throw new Error(`Invalid environment: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    urls,
    maxLagSeconds: vars.WC_HOST_REPLICA_MAX_LAG_SECONDS ?? DEFAULT_REPLICA_SETTINGS.maxLagSeconds,
    waitMs: vars.WC_HOST_REPLICA_WAIT_MS ?? DEFAULT_REPLICA_SETTINGS.waitMs,
    checkIntervalMs: vars.WC_HOST_REPLICA_CHECK_INTERVAL_MS ?? DEFAULT_REPLICA_SETTINGS.checkIntervalMs,
  };
}

/**
 * Defaults that a normal load never reaches (the bench's 8 connections, the test suite's bursts of 30–100 requests)
 * and that overload reaches within a fraction of a second (README.md, "Load shedding"):
 * - 128 requests in flight: at the few ms a request takes, 128 waiting is already a queue of a good part of a second;
 * - 40 of them writes: a create spends ~60 ms of CPU on its bcrypt hash, so 40 are over a second of hashing;
 * - 10 ms of event-loop delay standing through a 50 ms window, with 16 clients connected or more: requests then wait
 *   unread in their sockets, and a p99 under 100 ms needs that wait to stay near zero (`npm run soak`); one stall
 *   (a synchronous statement, a GC pause) does not stand through a window, and fewer clients cannot queue;
 * - 64 callers waiting for one of the 10 pooled MySQL connections: several rounds of queries behind each other.
 */
function loadSheddingSettings(vars: EnvironmentVariables): LoadSheddingSettings {
  return {
    maxInFlight: vars.WC_HOST_MAX_IN_FLIGHT ?? 128,
    maxWritesInFlight: vars.WC_HOST_MAX_WRITES_IN_FLIGHT ?? 40,
    maxEventLoopDelayMs: vars.WC_HOST_MAX_EVENT_LOOP_DELAY_MS ?? 10,
    maxDbQueue: vars.WC_HOST_MAX_DB_QUEUE ?? 64,
    retryAfterSeconds: vars.WC_HOST_SHED_RETRY_AFTER_SECONDS ?? 2,
  };
}

/** Failed authentications counted over a minute; past a limit the client waits WC_HOST_AUTH_BLOCK_SECONDS (60). */
function authThrottleSettings(vars: EnvironmentVariables): AuthThrottleSettings {
  const failures = (attempts: number) => ({
    attempts,
    windowSeconds: 60,
    blockSeconds: vars.WC_HOST_AUTH_BLOCK_SECONDS ?? 60,
  });
  return {
    perAddressAndKey: failures(vars.WC_HOST_AUTH_MAX_FAILURES ?? 10),
    perAddress: failures(vars.WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS ?? 100),
    perKey: failures(vars.WC_HOST_AUTH_MAX_FAILURES_PER_KEY ?? 100),
    keyRequests: { attempts: vars.WC_HOST_KEY_REQUESTS_PER_MINUTE ?? 0, windowSeconds: 60, blockSeconds: 60 },
  };
}

/** The variables as an instance of `rules`, or an error naming every variable that breaks them. */
function validated<T extends object>(rules: new () => T, env: NodeJS.ProcessEnv): T {
  // Empty variables count as unset, as a shell `VAR= npm start` intends.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(rules, present);
  const errors = validateSync(vars);
  if (errors.length > 0) {
    const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}).slice(0, 1));
    throw new Error(`Invalid environment: ${messages.join('; ')}`);
  }
  return vars;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** The HTTP server's timeouts and the shutdown bound, in milliseconds (see README.md, "Timeouts and shutdown"). */
export interface ServerEnvConfig {
  /** WC_HOST_SHUTDOWN_TIMEOUT_MS: how long SIGTERM/SIGINT and host.close() wait for requests in flight. */
  shutdownTimeoutMs: number;
  /** WC_HOST_KEEP_ALIVE_TIMEOUT_MS: how long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** WC_HOST_HEADERS_TIMEOUT_MS: how long a request's headers may take to arrive. */
  headersTimeoutMs: number;
  /** WC_HOST_REQUEST_TIMEOUT_MS: how long a whole request (headers and body) may take to arrive. */
  requestTimeoutMs: number;
  /** WC_HOST_MAX_CONNECTIONS: open connections; past it a new one is closed at once (0: no limit). */
  maxConnections: number;
  /** WC_HOST_MAX_REQUESTS_PER_SOCKET: requests on one keep-alive connection before it is closed (0: no limit). */
  maxRequestsPerSocket: number;
  /** WC_HOST_WORKERS: processes serving the port (1: this process alone; see src/host/cluster/). */
  workers: number;
}

const HOUR_MS = 3_600_000;

/** Worker processes at most: far past any machine's cores, low enough that a typo (`10000`) is refused. */
const MAX_WORKERS = 256;
const WORKERS_PATTERN = /^\s*(auto|0*[1-9]\d{0,2})\s*$/i;
const WORKERS_RULE = (name: string) =>
  `${name} must be a whole number from 1 to ${MAX_WORKERS}, or auto (one per core)`;

/**
 * The number of worker processes `value` (WC_HOST_WORKERS, `serve --workers`) asks for: `auto` is one per core the
 * process may use (os.availableParallelism()); undefined is 1, this process alone. Throws naming `name` otherwise.
 */
export function parseWorkers(value: string | undefined, name: string): number {
  if (value === undefined || value.trim() === '') return 1;
  const match = WORKERS_PATTERN.exec(value);
  const count = match ? (match[1].toLowerCase() === 'auto' ? os.availableParallelism() : Number(match[1])) : Number.NaN;
  if (!(count >= 1 && count <= MAX_WORKERS))
    throw new Error(`Invalid ${name === 'WC_HOST_WORKERS' ? 'environment' : 'argument'}: ${WORKERS_RULE(name)}`);
  return count;
}

/** A whole number of milliseconds from `min` to an hour, with one message naming the variable. */
function MillisecondsUpToAnHour(name: string, min: number): PropertyDecorator {
  return wholeNumberRules(`${name} must be a whole number of milliseconds from ${min} to ${HOUR_MS}`, min, HOUR_MS);
}

/** The server variables, with their rules. */
class ServerVariables {
  @MillisecondsUpToAnHour('WC_HOST_SHUTDOWN_TIMEOUT_MS', 0)
  WC_HOST_SHUTDOWN_TIMEOUT_MS?: number;

  @MillisecondsUpToAnHour('WC_HOST_KEEP_ALIVE_TIMEOUT_MS', 1)
  WC_HOST_KEEP_ALIVE_TIMEOUT_MS?: number;

  @MillisecondsUpToAnHour('WC_HOST_HEADERS_TIMEOUT_MS', 1)
  WC_HOST_HEADERS_TIMEOUT_MS?: number;

  @MillisecondsUpToAnHour('WC_HOST_REQUEST_TIMEOUT_MS', 1)
  WC_HOST_REQUEST_TIMEOUT_MS?: number;

  @WholeNumber('WC_HOST_MAX_CONNECTIONS', 0, 1_000_000, ' (0: no limit)')
  WC_HOST_MAX_CONNECTIONS?: number;

  @WholeNumber('WC_HOST_MAX_REQUESTS_PER_SOCKET', 0, 1_000_000_000, ' (0: no limit)')
  WC_HOST_MAX_REQUESTS_PER_SOCKET?: number;

  @IsOptional()
  @Matches(WORKERS_PATTERN, { message: WORKERS_RULE('WC_HOST_WORKERS') })
  WC_HOST_WORKERS?: string;
}

/**
 * Defaults: keep-alive connections outlive the 60 s idle timeout of common load balancers (AWS ALB, nginx's
 * upstream keepalive), so the balancer, never wc-host, closes an idle one; headers get a second more, the usual
 * advice from when Node counted that timeout from a connection's last activity. Node 20 counts it from a request's
 * first byte, so a lower WC_HOST_HEADERS_TIMEOUT_MS is also safe (test/server.http.test.ts shows it).
 * 512 connections: far more than a balancer's pool or the bench's 8 keep-alive connections, well under the usual
 * limit of 1,024 open files (the database and log files need some); past it a connection is closed, not queued.
 * No per-connection request limit by default: Node answers a request past it with a bare 503, which pipelining
 * clients would see; set one to make long-lived keep-alive connections move between processes behind a balancer.
 */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnvConfig {
  const vars = validated(ServerVariables, env);
  const config: ServerEnvConfig = {
    shutdownTimeoutMs: vars.WC_HOST_SHUTDOWN_TIMEOUT_MS ?? 10_000,
    keepAliveTimeoutMs: vars.WC_HOST_KEEP_ALIVE_TIMEOUT_MS ?? 65_000,
    headersTimeoutMs: vars.WC_HOST_HEADERS_TIMEOUT_MS ?? 66_000,
    requestTimeoutMs: vars.WC_HOST_REQUEST_TIMEOUT_MS ?? 120_000,
    maxConnections: vars.WC_HOST_MAX_CONNECTIONS ?? 512,
    maxRequestsPerSocket: vars.WC_HOST_MAX_REQUESTS_PER_SOCKET ?? 0,
    workers: parseWorkers(vars.WC_HOST_WORKERS, 'WC_HOST_WORKERS'),
  };
  // Node refuses a headers timeout longer than the request timeout (http.createServer throws ERR_OUT_OF_RANGE).
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new Error(
      `Invalid environment: WC_HOST_HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}) must not exceed WC_HOST_REQUEST_TIMEOUT_MS (${config.requestTimeoutMs})`,
    );
  }
  return config;
}
