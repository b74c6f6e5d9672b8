import { readEnv } from '../../config/env';
import { parseReplicaUrls, refuseReplicasOfSqlite } from './replicaSettings';

it('reads DATABASE_REPLICA_URLS as a comma-separated list, and the bounds with their defaults', () => {
  const env = readEnv({ DATABASE_REPLICA_URLS: ' mysql://u:p@r1:3306/wp , mariadb://u:p@r2/wp,' });
  expect(env.replicas).toEqual({
    urls: ['mysql://u:p@r1:3306/wp', 'mariadb://u:p@r2/wp'],
    maxLagSeconds: 5,
    waitMs: 250,
    checkIntervalMs: 1000,
  });
  expect(
    readEnv({
      WC_HOST_REPLICA_MAX_LAG_SECONDS: '0',
      WC_HOST_REPLICA_WAIT_MS: '0',
      WC_HOST_REPLICA_CHECK_INTERVAL_MS: '500',
    }).replicas,
  ).toEqual({
    urls: [],
    maxLagSeconds: 0,
    waitMs: 0,
    checkIntervalMs: 500,
  });
});

it('refuses a replica URL that is not mysql://, naming the item but never the URL', () => {
  expect(() => parseReplicaUrls('mysql://u:p@r1/wp,sqlite:./secret.sqlite')).toThrow(
    'DATABASE_REPLICA_URLS item 2 must be a mysql:// (or mariadb://) URL of a replica of DATABASE_URL',
  );
  expect(() => readEnv({ DATABASE_REPLICA_URLS: 'postgres://u:hunter2@r1/wp' })).toThrow(
    /^Invalid environment: DATABASE_REPLICA_URLS item 1: .*scheme "postgres:"/,
  );
  expect(() => readEnv({ DATABASE_REPLICA_URLS: 'postgres://u:hunter2@r1/wp' })).not.toThrow(/hunter2/);
});

it('refuses bounds out of range', () => {
  expect(() => readEnv({ WC_HOST_REPLICA_MAX_LAG_SECONDS: '-1' })).toThrow(
    'WC_HOST_REPLICA_MAX_LAG_SECONDS must be a whole number from 0 to 86400',
  );
  expect(() => readEnv({ WC_HOST_REPLICA_WAIT_MS: '0.5' })).toThrow(
    'WC_HOST_REPLICA_WAIT_MS must be a whole number from 0 to 60000 (0: no wait)',
  );
  expect(() => readEnv({ WC_HOST_REPLICA_CHECK_INTERVAL_MS: '10' })).toThrow(
    'WC_HOST_REPLICA_CHECK_INTERVAL_MS must be a whole number from 100 to 3600000',
  );
});

it('refuses replicas of a SQLite database, and lets SQLite alone without them', () => {
  expect(() => refuseReplicasOfSqlite('sqlite:./data/wc-host.sqlite', ['mysql://u:p@r1/wp'])).toThrow(
    /DATABASE_REPLICA_URLS is set but DATABASE_URL is SQLite, which has no replication/,
  );
  expect(() => refuseReplicasOfSqlite('sqlite:./data/wc-host.sqlite', [])).not.toThrow();
  expect(() => refuseReplicasOfSqlite('mysql://u:p@h/wp', ['mysql://u:p@r1/wp'])).not.toThrow();
});
