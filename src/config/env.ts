/**
 * The only place that reads process.env. Everything else receives the resolved values.
 */
import type { LogLevel } from '../host/types';

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
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/wc-host.sqlite';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  }
  const tablePrefix = env.DB_TABLE_PREFIX ?? 'wp_';
  if (!/^[A-Za-z0-9_]+$/.test(tablePrefix)) {
    throw new Error(`DB_TABLE_PREFIX may contain only letters, digits and underscores, got "${tablePrefix}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const homeUrl = env.WC_HOST_HOME_URL ? env.WC_HOST_HOME_URL.replace(/\/+$/, '') : null;
  if (homeUrl !== null && !/^https?:\/\/[^/]+/i.test(homeUrl)) {
    throw new Error(`WC_HOST_HOME_URL must be an http(s) URL, got "${env.WC_HOST_HOME_URL}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    tablePrefix,
    pluginModules: splitList(env.WC_HOST_PLUGINS),
    logLevel,
    trustProxy: isTruthy(env.TRUST_PROXY),
    homeUrl,
    strictAuth: isTruthy(env.WC_HOST_STRICT_AUTH),
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}
