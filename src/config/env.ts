/**
 * The only place that reads process.env. The variables are validated at boot (class-validator over a
 * class-transformer instance), so a typo stops start-up with a message naming the variable.
 */
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';
import type { LogLevel } from '../host/types';
import { DEFAULT_DATABASE_URL } from './databaseUrl';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts';

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
  timeouts: Timeouts;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const FLAG = /^(1|0|true|false|yes|no|on|off)$/i;

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const toLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/** An optional duration variable: a whole number of milliseconds, 0 meaning no limit. */
function Milliseconds(): PropertyDecorator {
  return (target, name) => {
    const message = `${String(name)} must be a whole number of milliseconds (0 = no limit)`;
    for (const decorate of [IsOptional(), Transform(toNumber), IsInt({ message }), Min(0, { message })]) decorate(target, name);
  };
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

  @Milliseconds()
  WC_HOST_DB_CONNECT_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_DB_ACQUIRE_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_DB_QUERY_TIMEOUT_MS?: number;

  @Milliseconds()
  WC_HOST_REQUEST_TIMEOUT_MS?: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  // Empty variables count as unset, as a shell `VAR= npm start` intends.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(vars);
  if (errors.length > 0) {
    const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}).slice(0, 1));
    throw new Error(`Invalid environment: ${messages.join('; ')}`);
  }
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
    timeouts: {
      dbConnectMs: vars.WC_HOST_DB_CONNECT_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbConnectMs,
      dbAcquireMs: vars.WC_HOST_DB_ACQUIRE_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbAcquireMs,
      dbQueryMs: vars.WC_HOST_DB_QUERY_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.dbQueryMs,
      requestMs: vars.WC_HOST_REQUEST_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.requestMs,
    },
  };
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
