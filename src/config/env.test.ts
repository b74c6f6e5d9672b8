import os from 'node:os';
import { parseWorkers, readEnv, readServerEnv } from './env';
import { DEFAULT_DATABASE_URL } from './databaseUrl';
import { DEFAULT_TIMEOUTS } from './timeouts';

/** The auth throttle settings readEnv makes: per pair, address and key failures a minute, the block, key requests. */
function throttle(pair: number, address: number, key: number, blockSeconds: number, keyRequests: number) {
  const failures = (attempts: number) => ({ attempts, windowSeconds: 60, blockSeconds });
  return {
    perAddressAndKey: failures(pair),
    perAddress: failures(address),
    perKey: failures(key),
    keyRequests: { attempts: keyRequests, windowSeconds: 60, blockSeconds: 60 },
  };
}

describe('readEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(readEnv({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: DEFAULT_DATABASE_URL,
      tablePrefix: 'wp_',
      pluginModules: [],
      logLevel: 'info',
      trustProxy: false,
      homeUrl: null,
      strictAuth: false,
      timeouts: DEFAULT_TIMEOUTS,
      authThrottle: throttle(10, 100, 100, 60, 0),
      accessLog: true,
      loadShedding: {
        maxInFlight: 128,
        maxWritesInFlight: 40,
        maxEventLoopDelayMs: 10,
        maxDbQueue: 64,
        retryAfterSeconds: 2,
      },
      replicas: { urls: [], maxLagSeconds: 5, waitMs: 250, checkIntervalMs: 1000 },
    });
  });

  it('reads every variable', () => {
    expect(
      readEnv({
        PORT: '9090',
        HOST: '0.0.0.0',
        DATABASE_URL: 'mysql://u:p@db:3306/wp',
        DB_TABLE_PREFIX: 'shop_',
        WC_HOST_PLUGINS: '/a.js, acme-plugin ,',
        LOG_LEVEL: 'DEBUG',
        TRUST_PROXY: 'yes',
        WC_HOST_HOME_URL: 'https://shop.example.com/',
        WC_HOST_STRICT_AUTH: '1',
        WC_HOST_DB_CONNECT_TIMEOUT_MS: '1500',
        WC_HOST_DB_ACQUIRE_TIMEOUT_MS: '2500',
        WC_HOST_DB_QUERY_TIMEOUT_MS: '0',
        WC_HOST_REQUEST_DEADLINE_MS: '4000',
        WC_HOST_AUTH_MAX_FAILURES: '3',
        WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS: '4',
        WC_HOST_AUTH_MAX_FAILURES_PER_KEY: '5',
        WC_HOST_AUTH_BLOCK_SECONDS: '30',
        WC_HOST_KEY_REQUESTS_PER_MINUTE: '600',
        WC_HOST_ACCESS_LOG: 'off',
        WC_HOST_MAX_IN_FLIGHT: '7',
        WC_HOST_MAX_WRITES_IN_FLIGHT: '3',
        WC_HOST_MAX_EVENT_LOOP_DELAY_MS: '0',
        WC_HOST_MAX_DB_QUEUE: '9',
        WC_HOST_SHED_RETRY_AFTER_SECONDS: '4',
        DATABASE_REPLICA_URLS: 'mysql://u:p@replica:3306/wp',
        WC_HOST_REPLICA_MAX_LAG_SECONDS: '2',
        WC_HOST_REPLICA_WAIT_MS: '100',
        WC_HOST_REPLICA_CHECK_INTERVAL_MS: '300',
      }),
    ).toEqual({
      port: 9090,
      host: '0.0.0.0',
      databaseUrl: 'mysql://u:p@db:3306/wp',
      tablePrefix: 'shop_',
      pluginModules: ['/a.js', 'acme-plugin'],
      logLevel: 'debug',
      trustProxy: true,
      homeUrl: 'https://shop.example.com',
      strictAuth: true,
      timeouts: { dbConnectMs: 1500, dbAcquireMs: 2500, dbQueryMs: 0, requestMs: 4000 },
      authThrottle: throttle(3, 4, 5, 30, 600),
      accessLog: false,
      loadShedding: {
        maxInFlight: 7,
        maxWritesInFlight: 3,
        maxEventLoopDelayMs: 0,
        maxDbQueue: 9,
        retryAfterSeconds: 4,
      },
      replicas: { urls: ['mysql://u:p@replica:3306/wp'], maxLagSeconds: 2, waitMs: 100, checkIntervalMs: 300 },
    });
  });

  it('treats empty variables as unset', () => {
    expect(readEnv({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 8080, databaseUrl: DEFAULT_DATABASE_URL });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ DB_TABLE_PREFIX: 'wp-' }, /DB_TABLE_PREFIX may contain only/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be/],
    [{ WC_HOST_ACCESS_LOG: 'maybe' }, /WC_HOST_ACCESS_LOG must be on\/off/],
    [{ WC_HOST_HOME_URL: 'shop.example.com' }, /WC_HOST_HOME_URL must be an http\(s\) URL/],
    [{ WC_HOST_DB_QUERY_TIMEOUT_MS: '2s' }, /WC_HOST_DB_QUERY_TIMEOUT_MS must be a whole number of milliseconds/],
    [{ WC_HOST_REQUEST_DEADLINE_MS: '-1' }, /WC_HOST_REQUEST_DEADLINE_MS must be a whole number of milliseconds/],
    [
      { WC_HOST_AUTH_MAX_FAILURES: 'ten' },
      /WC_HOST_AUTH_MAX_FAILURES must be a whole number from 0 to 1000000 \(0: off\)/,
    ],
    [{ WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS: '-1' }, /WC_HOST_AUTH_MAX_FAILURES_PER_ADDRESS must be a whole number/],
    [{ WC_HOST_AUTH_MAX_FAILURES_PER_KEY: '2.5' }, /WC_HOST_AUTH_MAX_FAILURES_PER_KEY must be a whole number/],
    [{ WC_HOST_AUTH_BLOCK_SECONDS: '0' }, /WC_HOST_AUTH_BLOCK_SECONDS must be a whole number from 1 to 86400/],
    [{ WC_HOST_KEY_REQUESTS_PER_MINUTE: 'lots' }, /WC_HOST_KEY_REQUESTS_PER_MINUTE must be a whole number/],
  ])('refuses %o', (env, message) => {
    expect(() => readEnv(env)).toThrow(message);
  });
});

describe('WC_HOST_WORKERS / serve --workers', () => {
  it('unset is 1 (this process alone), a number is that many, auto is one per core the process may use', () => {
    expect(parseWorkers(undefined, 'WC_HOST_WORKERS')).toBe(1);
    expect(parseWorkers('', 'WC_HOST_WORKERS')).toBe(1);
    expect(parseWorkers('3', 'WC_HOST_WORKERS')).toBe(3);
    expect(parseWorkers('AUTO', '--workers')).toBe(os.availableParallelism());
    expect(readServerEnv({ WC_HOST_WORKERS: '2' }).workers).toBe(2);
    expect(readServerEnv({ WC_HOST_WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
  });

  it('refuses 0, more than 256, fractions and words, naming the variable or the option', () => {
    for (const value of ['0', '257', '1.5', 'two', '-1']) {
      expect(() => parseWorkers(value, '--workers')).toThrow(
        'Invalid argument: --workers must be a whole number from 1 to 256, or auto (one per core)',
      );
      expect(() => readServerEnv({ WC_HOST_WORKERS: value })).toThrow(
        'WC_HOST_WORKERS must be a whole number from 1 to 256, or auto',
      );
    }
  });
});
