import type { DataSource } from 'typeorm';
import { databaseLabel } from '../../config/databaseLabel';
import type { Timeouts } from '../../config/timeouts';
import type { Logger } from '../../host/types';
import { createDirectReader } from '../directReader';
import { createReadPositions } from './readPositions';
import { createReadRouter, type ReplicaReadRouter } from './readRouter';
import { createReplicaCheck } from './replicaCheck';
import { replicaConnectionOptions } from './replicaConnectionOptions';
import { createReplicaPools } from './replicaPools';
import { createReplicaRotation, type ReplicaRotation } from './replicaRotation';
import type { ReplicaSettings } from './replicaSettings';
import { replicationFlavor } from './replicationFlavor';

export interface ReadReplicas {
  router: ReplicaReadRouter;
  rotation: Pick<ReplicaRotation, 'inService' | 'checkAll'>;
  close(): Promise<void>;
}

export interface OpenReadReplicasOptions {
  /** The primary, open (MySQL/MariaDB). */
  dataSource: DataSource;
  tablePrefix: string;
  settings: ReplicaSettings;
  timeouts: Pick<Timeouts, 'dbConnectMs' | 'dbAcquireMs' | 'dbQueryMs'>;
  logger: Logger;
}

/**
 * Read replicas over an open primary: refuses a primary no replica can follow with GTIDs (no binary log; MySQL
 * without gtid_mode=ON), checks every replica once (one that is down or lagging starts out of use, and comes in at a
 * later check), then checks them every `settings.checkIntervalMs`.
 */
export async function openReadReplicas(options: OpenReadReplicasOptions): Promise<ReadReplicas> {
  const { settings, timeouts, logger } = options;
  const primary = createDirectReader(options.dataSource, 'mysql');
  const [facts] = await primary('SELECT VERSION() AS version, @@GLOBAL.log_bin AS logBin', []);
  const flavor = replicationFlavor(String(facts?.version ?? ''));
  if (Number(facts?.logBin) !== 1) {
    throw new Error(
      'DATABASE_REPLICA_URLS is set but the primary (DATABASE_URL) keeps no binary log (log_bin is OFF), so no replica ' +
        'can follow it: start it with log-bin, or unset DATABASE_REPLICA_URLS',
    );
  }
  if (flavor === 'mysql') {
    const [mode] = await primary('SELECT @@GLOBAL.gtid_mode AS gtidMode', []);
    if (String(mode?.gtidMode).toUpperCase() !== 'ON') {
      throw new Error(
        'DATABASE_REPLICA_URLS is set but the MySQL primary runs without GTIDs: set gtid_mode=ON (read-your-writes waits for GTID sets)',
      );
    }
  }

  const replicas = settings.urls.map((url, index) => ({
    id: `REPLICA${index}`,
    label: databaseLabel(url),
    options: replicaConnectionOptions(url, timeouts.dbConnectMs),
  }));
  const pools = createReplicaPools(new Map(replicas.map((replica) => [replica.id, replica.options])), {
    acquireTimeoutMs: timeouts.dbAcquireMs,
    statementTimeoutMs: timeouts.dbQueryMs,
  });
  // A check gets at least a second: a replica busy serving reads must not be taken out for a slow answer.
  const checkTimeoutMs = Math.max(1000, settings.checkIntervalMs);
  const rotation = createReplicaRotation(
    replicas.map((replica) => ({
      ...replica,
      check: createReplicaCheck(replica.options, settings.maxLagSeconds, checkTimeoutMs),
    })),
    pools,
    logger,
  );
  await rotation.checkAll();
  rotation.start(settings.checkIntervalMs);
  const router = createReadRouter({
    pools,
    rotation,
    positions: createReadPositions(primary, options.tablePrefix, flavor),
    flavor,
    waitMs: settings.waitMs,
    logger,
  });
  return {
    router,
    rotation,
    async close() {
      rotation.stop();
      await pools.end();
    },
  };
}
