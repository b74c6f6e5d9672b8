import { createdByWcHost } from '../db/siteOrigin';
import type { Db } from '../db/types';
import type { DatabaseIndex } from './databaseIndexes';
import type { Logger } from './types';

/**
 * At start-up: on a database wc-host created, installs the plugins' indexes that are missing (there are no other
 * users of it to ask); on an existing WordPress database, says once what is missing and how to add it.
 */
export async function reportOrInstallIndexes(db: Db, indexes: readonly DatabaseIndex[], logger: Logger): Promise<void> {
  if (indexes.length === 0) return;
  const ours = await createdByWcHost(db);
  for (const index of indexes) {
    const status = await index.status();
    if (status.ready) continue;
    if (ours && !status.installed) {
      await index.install(() => undefined);
      logger.debug(`Installed the ${index.name} index`);
      continue;
    }
    logger.warn(
      `The ${index.name} index is ${status.installed ? 'not filled yet' : 'not installed'}: ${index.description} use WordPress's plain ` +
        `queries meanwhile (correct, but slow on large stores). Add it with: npx wc-host db index`,
      { details: status.details },
    );
  }
}
