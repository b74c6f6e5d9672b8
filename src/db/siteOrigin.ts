import type { Db } from './types';

const CREATED_BY = 'created_by';

/** Records that wc-host created this database's WordPress tables (called by migrate() when it seeds). */
export async function markCreatedByWcHost(db: Db): Promise<void> {
  await db.execute(`INSERT INTO ${db.table('wc_host_state')} (name, value) VALUES (?, ?)`, [CREATED_BY, 'wc-host']);
}

/**
 * Whether wc-host created this database (then it may add its own indexes unasked); false for a WordPress database
 * it was pointed at, and for one created by a wc-host too old to say so.
 */
export async function createdByWcHost(db: Db): Promise<boolean> {
  try {
    const rows = await db.query<{ value: string }>(`SELECT value FROM ${db.table('wc_host_state')} WHERE name = ?`, [
      CREATED_BY,
    ]);
    return rows[0]?.value === 'wc-host';
  } catch {
    return false;
  }
}
