import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import { LOOKUP_TABLES } from './lookupTables';
import { bumpGeneration, readState, STATE } from './lookupState';
import { reindexUsers } from './reindexUsers';
import { RoleGroupTable } from './roleGroups';
import { writeOrderTotals } from './writeOrderTotals';
import { writeUserSnapshots } from './writeUserSnapshots';

/** Every change to the lookup takes this lock (MySQL GET_LOCK; SQLite BEGIN IMMEDIATE): one writer at a time. */
export const LOOKUP_LOCK = 'wc_host_customer_lookup';

export interface ApplyOptions {
  /** Users per transaction. On SQLite a batch blocks the event loop while it runs, so keep it small. */
  batchSize: number;
  /** Stop after about this many users (the rest stays marked). */
  maxUsers?: number;
  onBatch?: (users: number) => void;
}

/**
 * Brings the lookup up to date with every user a trigger marked dirty, in batches of one transaction each: the
 * marked users are locked (MySQL), re-read from WordPress's tables, their lookup rows, order totals and snapshots
 * rewritten and their marks cleared together, so a user changed again meanwhile stays marked (its trigger waits for
 * the lock, then marks it again). Returns how many users were processed and whether none is left marked.
 */
export async function applyMarkedChanges(db: Db, options: ApplyOptions): Promise<{ processed: number; done: boolean }> {
  const versions = db.table(LOOKUP_TABLES.versions);
  const lock = db.dialect === 'mysql' ? ' FOR UPDATE' : '';
  // Read once per run: a lookup from before order totals has no table for them (until `db index` adds it).
  const orderTotals =
    (await readState(db, STATE.orderTotals)) === 1
      ? { hpos: (await readState(db, STATE.hposOrdersTracked)) === 1 }
      : null;
  const snapshots = (await readState(db, STATE.userSnapshots)) === 1;
  let processed = 0;
  while (options.maxUsers === undefined || processed < options.maxUsers) {
    const batch = await db.transaction(
      async (tx) => {
        const marked = await tx.query<{ user_id: number | string }>(
          `SELECT user_id FROM ${versions} WHERE dirty = 1 ORDER BY user_id LIMIT ?${lock}`,
          [options.batchSize],
        );
        if (marked.length === 0) return 0;
        const ids = marked.map((row) => Number(row.user_id));
        const changed = await reindexUsers(tx, ids, await RoleGroupTable.load(tx));
        if (orderTotals) await writeOrderTotals(tx, ids, orderTotals);
        if (snapshots) await writeUserSnapshots(tx, ids);
        const dirty = inList(tx.dialect, 'user_id', ids);
        await tx.execute(`UPDATE ${versions} SET dirty = 0 WHERE ${dirty.sql}`, dirty.params);
        if (changed > 0) await bumpGeneration(tx);
        return ids.length;
      },
      { lock: LOOKUP_LOCK },
    );
    if (batch === 0) return { processed, done: true };
    processed += batch;
    options.onBatch?.(batch);
    // Let other requests run between batches (SQLite statements are synchronous).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { processed, done: false };
}
