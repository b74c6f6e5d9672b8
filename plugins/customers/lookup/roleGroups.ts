import { createHash } from 'node:crypto';
import type { Db } from '../../../src/db/types';
import { LOOKUP_TABLES } from './lookupTables';

/** Users without a `{prefix}capabilities` row: WordPress's role filters never match them. */
export const NO_CAPABILITIES_GROUP = 0;
/** Users with several `{prefix}capabilities` rows (WordPress would list them once per matching row). */
export const SEVERAL_CAPABILITIES_GROUP = -1;

export interface RoleGroup {
  roleGroup: number;
  /** The exact `{prefix}capabilities` meta_value shared by the group; null for the two special groups. */
  capabilities: string | null;
  users: number;
}

/**
 * Users grouped by their exact capabilities value. A site has a handful of distinct values however many users it
 * has, so WordPress's `LIKE '%"customer"%'` role test is evaluated once per group, and a role's user count is a sum.
 */
export class RoleGroupTable {
  private readonly byHash = new Map<string, number>();
  private nextId = 1;
  private readonly deltas = new Map<number, number>();

  private constructor(private readonly db: Db) {}

  /** Loads the groups (inside the applier's transaction). */
  static async load(db: Db): Promise<RoleGroupTable> {
    const table = new RoleGroupTable(db);
    const rows = await db.query<{ role_group: number | string; value_hash: Buffer | string }>(
      `SELECT role_group, value_hash FROM ${db.table(LOOKUP_TABLES.roles)}`,
    );
    for (const row of rows) {
      const id = Number(row.role_group);
      table.byHash.set(Buffer.from(row.value_hash).toString('hex'), id);
      table.nextId = Math.max(table.nextId, id + 1);
    }
    return table;
  }

  /** The group of a user with these capabilities rows; creates a group for a value seen for the first time. */
  async groupOf(capabilityRows: readonly string[]): Promise<number> {
    if (capabilityRows.length === 0) return NO_CAPABILITIES_GROUP;
    if (capabilityRows.length > 1) return SEVERAL_CAPABILITIES_GROUP;
    const value = capabilityRows[0];
    const hash = valueHash(value);
    const key = hash.toString('hex');
    const known = this.byHash.get(key);
    if (known !== undefined) return known;
    const id = this.nextId++;
    await this.db.execute(
      `INSERT INTO ${this.db.table(LOOKUP_TABLES.roles)} (role_group, capabilities, value_hash, users) VALUES (?, ?, ?, 0)`,
      [id, value, hash],
    );
    this.byHash.set(key, id);
    return id;
  }

  /** Counts a user into (+1) or out of (−1) a group; written by flush(). */
  count(roleGroup: number, delta: number): void {
    this.deltas.set(roleGroup, (this.deltas.get(roleGroup) ?? 0) + delta);
  }

  async flush(): Promise<void> {
    for (const [roleGroup, delta] of this.deltas) {
      if (delta !== 0) {
        await this.db.execute(
          `UPDATE ${this.db.table(LOOKUP_TABLES.roles)} SET users = users + ? WHERE role_group = ?`,
          [delta, roleGroup],
        );
      }
    }
    this.deltas.clear();
  }
}

/** The rows every lookup starts with: the two special groups. */
export function specialRoleGroupRows(): Array<[roleGroup: number, hash: Buffer]> {
  return [
    [NO_CAPABILITIES_GROUP, valueHash('\u0000none')],
    [SEVERAL_CAPABILITIES_GROUP, valueHash('\u0000several')],
  ];
}

/** All groups with their counts (cached by the caller per lookup generation). */
export async function readRoleGroups(db: Db): Promise<RoleGroup[]> {
  const rows = await db.query<{ role_group: number | string; capabilities: string | null; users: number | string }>(
    `SELECT role_group, capabilities, users FROM ${db.table(LOOKUP_TABLES.roles)}`,
  );
  return rows.map((row) => ({
    roleGroup: Number(row.role_group),
    capabilities: row.capabilities,
    users: Number(row.users),
  }));
}

function valueHash(value: string): Buffer {
  return createHash('sha1').update(value, 'utf8').digest();
}
