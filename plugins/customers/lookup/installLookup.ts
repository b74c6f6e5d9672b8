import type { Db } from '../../../src/db/types';
import type { DatabaseIndexStatus, IndexProgress } from '../../../src/host/databaseIndexes';
import { applyMarkedChanges, LOOKUP_LOCK } from './applyMarkedChanges';
import {
  createLookupTablesSql,
  createOrderTotalsTableSql,
  createUserSnapshotsTableSql,
  dropLookupTablesSql,
  LOOKUP_TABLES,
  type SourceCollations,
} from './lookupTables';
import { computeOrderTotals, storeOrderTotals } from './writeOrderTotals';
import { computeUserSnapshots, storeUserSnapshots } from './writeUserSnapshots';
import { USER_SNAPSHOT_FORMAT } from './userSnapshotCodec';
import { lookupTriggers } from './lookupTriggers';
import { bumpGeneration, countDirty, readState, STATE, writeState } from './lookupState';
import { postmetaCustomerIndex } from './postmetaCustomerIndex';
import { reindexUsers } from './reindexUsers';
import { RoleGroupTable, specialRoleGroupRows } from './roleGroups';
import { columnCollation, readSchemaCatalog, type SchemaCatalog } from './schemaObjects';
import { privilegeProblem } from './privilegeProblem';

/** The users columns WordPress searches; the folds are exact only under utf8mb4_unicode_520_ci. */
const SEARCHED_COLUMNS = ['user_login', 'user_url', 'user_email', 'user_nicename', 'display_name'];
const EXACT_COLLATION = 'utf8mb4_unicode_520_ci';

/** What the lookup consists of on this database. */
function lookupObjects(db: Db, catalog: SchemaCatalog) {
  const hposOrders = catalog.tables.has(`${db.prefix}wc_orders`);
  return {
    tables: Object.values(LOOKUP_TABLES).map((name) => db.prefix + name),
    triggers: lookupTriggers(db, { hposOrders }),
    postmetaIndex: postmetaCustomerIndex(db),
  };
}

export async function lookupStatus(db: Db): Promise<DatabaseIndexStatus> {
  const catalog = await readSchemaCatalog(db);
  const objects = lookupObjects(db, catalog);
  const missingTables = objects.tables.filter((name) => !catalog.tables.has(name));
  const missingTriggers = objects.triggers.filter((trigger) => !catalog.triggers.has(trigger.name));
  const indexPresent = catalog.indexes.has(objects.postmetaIndex.catalogName);
  const installed = missingTables.length === 0 && missingTriggers.length === 0 && indexPresent;
  const details: string[] = [];
  if (missingTables.length > 0) details.push(`missing tables: ${missingTables.join(', ')}`);
  if (missingTriggers.length > 0)
    details.push(`missing triggers: ${missingTriggers.map((trigger) => trigger.name).join(', ')}`);
  if (!indexPresent)
    details.push(`missing index ${objects.postmetaIndex.catalogName} (order figures in posts storage)`);
  let ready = false;
  if (missingTables.length === 0) {
    ready = (await readState(db, STATE.ready)) === 1;
    const [{ users }] = await db.query<{ users: number | string | null }>(
      `SELECT SUM(users) AS users FROM ${db.table(LOOKUP_TABLES.roles)}`,
    );
    const pending = await countDirty(db, 100_000);
    details.push(
      `${Number(users ?? 0).toLocaleString('en-US')} users in the lookup${ready ? '' : ' (still filling: not used yet)'}`,
    );
    details.push(
      `${pending > 100_000 ? 'over 100,000' : pending.toLocaleString('en-US')} users changed since last read`,
    );
    const [{ maxId }] = await db.query<{ maxId: number | string | null }>(
      `SELECT MAX(ID) AS maxId FROM ${db.table('users')}`,
    );
    const filledBelow = (await readState(db, STATE.orderTotalsFilledBelow)) ?? 0;
    details.push(
      filledBelow > Number(maxId ?? 0)
        ? 'order totals kept for every customer'
        : `order totals still filling: customers from ID ${filledBelow} on are summed from their orders`,
    );
    const snapshotsBelow = (await readState(db, STATE.userSnapshotsFilledBelow)) ?? 0;
    details.push(
      snapshotsBelow > Number(maxId ?? 0)
        ? 'user snapshots kept for every user'
        : `user snapshots still filling: users from ID ${snapshotsBelow} on are read from their meta rows`,
    );
    if ((await readState(db, STATE.userSnapshotsFormat)) !== USER_SNAPSHOT_FORMAT) {
      details.push('user snapshots of an earlier, larger format: `npx wc-host db index` takes them again');
    }
    if ((await readState(db, STATE.searchExact)) !== 1) {
      details.push(`search runs WordPress's plain query: the users columns do not all use ${EXACT_COLLATION}`);
    }
  }
  return { installed, ready: installed && ready, details };
}

/**
 * Creates what is missing (tables, then triggers, then the postmeta key: a trigger must never exist without its
 * table), then fills the lookup in ID order, resumably, and finally what changed meanwhile. If creating anything
 * fails — typically a missing privilege — what this run created is removed again and the error names the cause.
 */
export async function installLookup(db: Db, progress: (step: IndexProgress) => void): Promise<void> {
  const catalog = await readSchemaCatalog(db);
  for (const table of ['users', 'usermeta', 'posts', 'postmeta']) {
    if (!catalog.tables.has(db.prefix + table)) {
      throw new Error(
        `${db.prefix}${table} does not exist: this is not a WordPress database with the prefix "${db.prefix}"`,
      );
    }
  }
  const objects = lookupObjects(db, catalog);
  const created: string[] = [];
  try {
    if (db.dialect === 'sqlite') {
      await db.transaction(async (tx) => {
        await createTables(tx, catalog, null);
        for (const trigger of objects.triggers)
          if (!catalog.triggers.has(trigger.name)) await tx.execute(trigger.create);
        if (!catalog.indexes.has(objects.postmetaIndex.catalogName)) await tx.execute(objects.postmetaIndex.create);
      });
    } else {
      const collations = await sourceCollations(db);
      created.push(...(await createTables(db, catalog, collations)));
      for (const trigger of objects.triggers) {
        if (catalog.triggers.has(trigger.name)) continue;
        await db.execute(trigger.create);
        created.push(`TRIGGER:${trigger.name}`);
      }
      if (!catalog.indexes.has(objects.postmetaIndex.catalogName)) {
        progress({ phase: `adding index ${objects.postmetaIndex.catalogName}`, done: 0, total: null, unit: '' });
        await objects.postmetaIndex.createOnline(db, progress);
        created.push(`INDEX:${objects.postmetaIndex.catalogName}`);
      }
    }
    const hposTracked = catalog.tables.has(`${db.prefix}wc_orders`) ? 1 : 0;
    // HPOS orders tracked from now on: their totals are read in again (until then none were kept for HPOS).
    if (hposTracked !== (await readState(db, STATE.hposOrdersTracked)))
      await writeState(db, STATE.orderTotalsFilledBelow, 0);
    await writeState(db, STATE.hposOrdersTracked, hposTracked);
  } catch (error) {
    await removeCreated(db, created);
    const problem = privilegeProblem(error);
    throw problem ? new Error(problem, { cause: error }) : error;
  }
  await backfill(db, progress);
}

async function createTables(db: Db, catalog: SchemaCatalog, collations: SourceCollations | null): Promise<string[]> {
  const created: string[] = [];
  if (catalog.tables.has(db.prefix + LOOKUP_TABLES.state)) {
    // A lookup made before order totals were kept: add their table, to be filled below.
    if (!catalog.tables.has(db.prefix + LOOKUP_TABLES.orders)) {
      await db.execute(createOrderTotalsTableSql(db, collations ?? undefined));
      created.push(`TABLE:${db.prefix}${LOOKUP_TABLES.orders}`);
      await writeState(db, STATE.orderTotalsFilledBelow, 0);
      await writeState(db, STATE.orderTotals, 1);
    }
    // … or before user snapshots were kept: add their table, to be filled below.
    if (!catalog.tables.has(db.prefix + LOOKUP_TABLES.snapshots)) {
      await db.execute(createUserSnapshotsTableSql(db));
      created.push(`TABLE:${db.prefix}${LOOKUP_TABLES.snapshots}`);
      await writeState(db, STATE.userSnapshotsFilledBelow, 0);
      await writeState(db, STATE.userSnapshots, 1);
    }
    // … or with snapshots of an earlier format: re-take them all (still read meanwhile; a changed user's are rewritten).
    if ((await readState(db, STATE.userSnapshotsFormat)) !== USER_SNAPSHOT_FORMAT) {
      await writeState(db, STATE.userSnapshotsFilledBelow, 0);
      await writeState(db, STATE.userSnapshotsFormat, USER_SNAPSHOT_FORMAT);
    }
    return created;
  }
  for (const statement of createLookupTablesSql(db, collations ?? undefined)) await db.execute(statement);
  created.push(...Object.values(LOOKUP_TABLES).map((name) => `TABLE:${db.prefix}${name}`));
  for (const [roleGroup, hash] of specialRoleGroupRows()) {
    await db.execute(
      `INSERT INTO ${db.table(LOOKUP_TABLES.roles)} (role_group, capabilities, value_hash, users) VALUES (?, NULL, ?, 0)`,
      [roleGroup, hash],
    );
  }
  await writeState(db, STATE.generation, 1);
  await writeState(db, STATE.ready, 0);
  await writeState(db, STATE.backfilledBelow, 0);
  await writeState(db, STATE.orderTotalsFilledBelow, 0);
  await writeState(db, STATE.orderTotals, 1);
  await writeState(db, STATE.userSnapshotsFilledBelow, 0);
  await writeState(db, STATE.userSnapshots, 1);
  await writeState(db, STATE.userSnapshotsFormat, USER_SNAPSHOT_FORMAT);
  await writeState(db, STATE.searchExact, collations === null || (await searchColumnsAreExact(db)) ? 1 : 0);
  return created;
}

/** A resumed pass over the users from ID `from`: the highest ID, how many users, and how many were passed already. */
async function usersFrom(db: Db, from: number): Promise<{ last: number; total: number; below: number }> {
  const [{ maxId, total, below }] = await db.query<{
    maxId: number | string | null;
    total: number | string;
    below: number | string | null;
  }>(
    `SELECT MAX(ID) AS maxId, COUNT(*) AS total, SUM(CASE WHEN ID < ? THEN 1 ELSE 0 END) AS below FROM ${db.table('users')}`,
    [from],
  );
  return { last: Number(maxId ?? 0), total: Number(total), below: Number(below ?? 0) };
}

/** Reads every user (in ID ranges, each one transaction) into the lookup, then what triggers marked meanwhile. */
async function backfill(db: Db, progress: (step: IndexProgress) => void): Promise<void> {
  const chunk = db.dialect === 'mysql' ? 2000 : 500;
  let from = (await readState(db, STATE.backfilledBelow)) ?? 0;
  const { last, total, below } = await usersFrom(db, from);
  let done = below;
  const phase = 'reading users into the lookup';
  progress({ phase, done, total, unit: 'users' });
  while (from <= last) {
    const to = from + chunk;
    done += await db.transaction(
      async (tx) => {
        const rows = await tx.query<{ ID: number | string }>(
          `SELECT ID FROM ${tx.table('users')} WHERE ID >= ? AND ID < ?`,
          [from, to],
        );
        const ids = rows.map((row) => Number(row.ID));
        if (ids.length > 0) {
          await reindexUsers(tx, ids, await RoleGroupTable.load(tx));
          // Version 0, not dirty — unless a trigger marked the user meanwhile (then it is read again below).
          const insert = tx.dialect === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';
          await tx.execute(
            `${insert} ${tx.table(LOOKUP_TABLES.versions)} (user_id, version, dirty) VALUES ${ids.map(() => '(?, 0, 0)').join(', ')}`,
            ids,
          );
        }
        await writeState(tx, STATE.backfilledBelow, to);
        await bumpGeneration(tx);
        return ids.length;
      },
      { lock: LOOKUP_LOCK },
    );
    from = to;
    progress({ phase, done, total, unit: 'users' });
  }
  const pending = await countDirty(db, 10_000_000);
  let applied = 0;
  progress({ phase: 'reading users changed meanwhile', done: 0, total: pending, unit: 'users' });
  await applyMarkedChanges(db, {
    batchSize: chunk,
    onBatch: (users) =>
      progress({
        phase: 'reading users changed meanwhile',
        done: (applied += users),
        total: Math.max(pending, applied),
        unit: 'users',
      }),
  });
  // Statistics of freshly filled tables are empty: without them MySQL picks the wrong index for a page.
  if (db.dialect === 'mysql')
    await db.query(
      `ANALYZE TABLE ${Object.values(LOOKUP_TABLES)
        .map((name) => db.table(name))
        .join(', ')}`,
    );
  await db.transaction(
    async (tx) => {
      await writeState(tx, STATE.ready, 1);
      await bumpGeneration(tx);
    },
    { lock: LOOKUP_LOCK },
  );
  await fillOrderTotals(db, progress);
  await fillUserSnapshots(db, progress);
}

/**
 * Sums every customer's orders per status into the order totals, in ID ranges, resumably. A range's orders lie at
 * random places in the orders tables, so several ranges are read at once on MySQL. Lists are served all along: a
 * customer without current totals is summed from the orders.
 */
async function fillOrderTotals(db: Db, progress: (step: IndexProgress) => void): Promise<void> {
  const hpos = (await readState(db, STATE.hposOrdersTracked)) === 1;
  await fillByUserRanges(db, progress, {
    phase: "summing customers' orders",
    filledBelow: STATE.orderTotalsFilledBelow,
    compute: (ids) => computeOrderTotals(db, ids, { hpos }),
    store: (tx, computed) => storeOrderTotals(tx, computed, { keepNewer: true }),
    table: LOOKUP_TABLES.orders,
  });
}

/** Takes every user's snapshot, in ID ranges, resumably; until then a user without one is read from its tables. */
async function fillUserSnapshots(db: Db, progress: (step: IndexProgress) => void): Promise<void> {
  await fillByUserRanges(db, progress, {
    phase: "taking users' snapshots",
    filledBelow: STATE.userSnapshotsFilledBelow,
    compute: (ids) => computeUserSnapshots(db, ids),
    store: (tx, computed) => storeUserSnapshots(tx, computed, { keepNewer: true }),
    table: LOOKUP_TABLES.snapshots,
  });
}

/**
 * Passes over the users in ID ranges from the saved progress `filledBelow`: each range is computed outside any
 * transaction (labelled with the versions read before the data, so a write meanwhile shows as a newer version) and
 * stored in a short transaction under the lookup's lock. On MySQL several ranges are read at once; the saved
 * progress moves past a range once it and every earlier one are stored.
 */
async function fillByUserRanges<Computed>(
  db: Db,
  progress: (step: IndexProgress) => void,
  fill: {
    phase: string;
    filledBelow: string;
    compute: (ids: number[]) => Promise<Computed>;
    store: (tx: Db, computed: Computed) => Promise<void>;
    /** Analyzed at the end on MySQL (statistics of a freshly filled table are empty). */
    table: string;
  },
): Promise<void> {
  const { phase } = fill;
  const chunk = db.dialect === 'mysql' ? 500 : 250;
  // SQLite reads on the one connection anyway; MySQL overlaps the random reads of several ranges.
  const readers = db.dialect === 'mysql' ? 4 : 1;
  const users = db.table('users');
  const start = (await readState(db, fill.filledBelow)) ?? 0;
  const { last, total, below } = await usersFrom(db, start);
  let done = below;
  progress({ phase, done, total, unit: 'users' });
  let next = start;
  const stored = new Set<number>();
  let filledBelow = start;
  let failed = false;
  const reader = async () => {
    while (next <= last && !failed) {
      const from = next;
      next += chunk;
      const rows = await db.query<{ ID: number | string }>(`SELECT ID FROM ${users} WHERE ID >= ? AND ID < ?`, [
        from,
        from + chunk,
      ]);
      const computed = await fill.compute(rows.map((row) => Number(row.ID)));
      await db.transaction(
        async (tx) => {
          await fill.store(tx, computed);
          await writeState(tx, fill.filledBelow, filledBelow);
        },
        { lock: LOOKUP_LOCK },
      );
      stored.add(from);
      while (stored.has(filledBelow)) stored.delete((filledBelow += chunk) - chunk);
      done += rows.length;
      progress({ phase, done, total, unit: 'users' });
    }
  };
  await Promise.all(
    Array.from({ length: readers }, () =>
      reader().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  await writeState(db, fill.filledBelow, filledBelow);
  if (db.dialect === 'mysql') await db.query(`ANALYZE TABLE ${db.table(fill.table)}`);
}

/** Removes the triggers first (a WordPress write must never hit a trigger whose table is gone), then the rest. */
export async function dropLookup(db: Db): Promise<void> {
  const catalog = await readSchemaCatalog(db);
  const objects = lookupObjects(db, catalog);
  const quote = (name: string) => (db.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  for (const trigger of objects.triggers) {
    if (catalog.triggers.has(trigger.name)) await db.execute(`DROP TRIGGER IF EXISTS ${quote(trigger.name)}`);
  }
  if (catalog.indexes.has(objects.postmetaIndex.catalogName)) await db.execute(objects.postmetaIndex.drop);
  for (const statement of dropLookupTablesSql(db)) await db.execute(statement);
}

/** Undoes a failed install's DDL, newest first (MySQL DDL is not transactional). */
async function removeCreated(db: Db, created: string[]): Promise<void> {
  const objects = lookupObjects(db, await readSchemaCatalog(db));
  for (const entry of [...created].reverse()) {
    const [kind, name] = entry.split(':');
    try {
      if (kind === 'TRIGGER') await db.execute(`DROP TRIGGER IF EXISTS \`${name}\``);
      if (kind === 'INDEX') await db.execute(objects.postmetaIndex.drop);
      if (kind === 'TABLE') await db.execute(`DROP TABLE IF EXISTS \`${name}\``);
    } catch {
      // Best effort: the original error is what the operator needs to see.
    }
  }
}

async function sourceCollations(db: Db): Promise<SourceCollations> {
  const displayName = await columnCollation(db, `${db.prefix}users`, 'display_name');
  const metaValue = await columnCollation(db, `${db.prefix}usermeta`, 'meta_value');
  const postStatus = await columnCollation(db, `${db.prefix}posts`, 'post_status');
  if (!displayName || !metaValue || !postStatus)
    throw new Error(
      `Cannot read the collations of ${db.prefix}users.display_name, ${db.prefix}usermeta.meta_value and ${db.prefix}posts.post_status`,
    );
  return { displayName, metaValue, postStatus };
}

async function searchColumnsAreExact(db: Db): Promise<boolean> {
  for (const column of SEARCHED_COLUMNS) {
    if ((await columnCollation(db, `${db.prefix}users`, column))?.collation !== EXACT_COLLATION) return false;
  }
  return true;
}
