import type { Db } from '../../../src/db/types';
import { LOOKUP_TABLES } from './lookupTables';

/** The lookup's rows in its state table. */
export const STATE = {
  /** Bumped in the same transaction as any change to the lookup rows or role counts: caches key on it. */
  generation: 'generation',
  /** 1 once every user that existed at `db index` time was read into the lookup. */
  ready: 'ready',
  /** 1 when WordPress's users columns compare as utf8mb4_unicode_520_ci (or on SQLite): the folds are exact. */
  searchExact: 'search_exact',
  /** The backfill's progress: every user with a lower ID is in the lookup. */
  backfilledBelow: 'backfilled_below',
  /** 1 when the HPOS orders table had its triggers installed (it may not have existed at install time). */
  hposOrdersTracked: 'hpos_orders_tracked',
  /** 1 once the order totals table exists: changed users get their totals rewritten (writeOrderTotals.ts). */
  orderTotals: 'order_totals',
  /** The order totals' fill progress: every user with a lower ID had them written once. */
  orderTotalsFilledBelow: 'order_totals_filled_below',
  /** 1 once the user snapshots table exists: changed users get their snapshots rewritten (writeUserSnapshots.ts). */
  userSnapshots: 'user_snapshots',
  /** The snapshots' fill progress: every user with a lower ID had one written once. */
  userSnapshotsFilledBelow: 'user_snapshots_filled_below',
  /** The snapshot format the fill takes them in (userSnapshotCodec.ts); an older one makes `db index` re-take them. */
  userSnapshotsFormat: 'user_snapshots_format',
} as const;

export interface LookupStatus {
  generation: number;
  ready: boolean;
  searchExact: boolean;
  /** Some user changed since the lookup last read it (a trigger marked it). */
  dirty: boolean;
  /** Changes to HPOS orders bump their customer's version too. */
  hposOrdersTracked: boolean;
}

/** The lookup's state as the columns of one row (generation, ready, search_exact, hpos, dirty). */
export function lookupStatusColumns(db: Pick<Db, 'table'>): string {
  const state = db.table(LOOKUP_TABLES.state);
  const value = (name: string) => `(SELECT value FROM ${state} WHERE name = '${name}')`;
  return `${value(STATE.generation)} AS generation, ${value(STATE.ready)} AS ready, ${value(STATE.searchExact)} AS search_exact,
            ${value(STATE.hposOrdersTracked)} AS hpos, EXISTS (SELECT 1 FROM ${db.table(LOOKUP_TABLES.versions)} WHERE dirty = 1) AS dirty`;
}

export type LookupStatusRow = Record<'generation' | 'ready' | 'search_exact' | 'hpos' | 'dirty', unknown>;

/** Reads the columns of lookupStatusColumns. */
export function lookupStatusOf(row: LookupStatusRow | undefined): LookupStatus {
  return {
    generation: Number(row?.generation ?? 0),
    ready: Number(row?.ready ?? 0) === 1,
    searchExact: Number(row?.search_exact ?? 0) === 1,
    dirty: Number(row?.dirty ?? 0) === 1,
    hposOrdersTracked: Number(row?.hpos ?? 0) === 1,
  };
}

/** The lookup's state in one round trip; throws when the lookup's tables do not exist. */
export async function readLookupStatus(db: Db): Promise<LookupStatus> {
  const [row] = await db.query<LookupStatusRow>(`SELECT ${lookupStatusColumns(db)}`);
  return lookupStatusOf(row);
}

/** How many users are marked dirty, counting at most `limit + 1`. */
export async function countDirty(db: Db, limit: number): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM (SELECT user_id FROM ${db.table(LOOKUP_TABLES.versions)} WHERE dirty = 1 LIMIT ?) AS marked`,
    [limit + 1],
  );
  return Number(row?.n ?? 0);
}

export async function writeState(db: Db, name: string, value: number): Promise<void> {
  const state = db.table(LOOKUP_TABLES.state);
  await db.execute(
    db.dialect === 'mysql'
      ? `INSERT INTO ${state} (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)`
      : `INSERT INTO ${state} (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`,
    [name, value],
  );
}

export async function readState(db: Db, name: string): Promise<number | null> {
  const rows = await db.query<{ value: number | string }>(
    `SELECT value FROM ${db.table(LOOKUP_TABLES.state)} WHERE name = ?`,
    [name],
  );
  return rows.length > 0 ? Number(rows[0].value) : null;
}

export async function bumpGeneration(db: Db): Promise<void> {
  await db.execute(`UPDATE ${db.table(LOOKUP_TABLES.state)} SET value = value + 1 WHERE name = ?`, [STATE.generation]);
}
