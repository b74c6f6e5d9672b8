import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';

/**
 * Of the users `ids`, those whose rows already stored in `table` carry a higher version than the label computed for
 * them (`labels`; a user without one has none): another writer read them later, so a fill that read them earlier
 * must keep those rows rather than replace them. Rows of the same version are replaced: both were read after that
 * version's write, so they hold the same data (a fill re-taking the snapshots in a newer format relies on it).
 * `where` narrows the rows that carry the label.
 */
export async function storedNewer(
  tx: Db,
  source: { table: string; idColumn: string; where?: string },
  ids: readonly number[],
  labels: ReadonlyMap<number, number>,
): Promise<Set<number>> {
  const listed = inList(tx.dialect, source.idColumn, ids);
  const stored = await tx.query<{ id: number | string; version: number | string }>(
    `SELECT ${source.idColumn} AS id, MIN(version) AS version FROM ${source.table}
      WHERE ${source.where ? `${source.where} AND ` : ''}${listed.sql} GROUP BY ${source.idColumn}`,
    listed.params,
  );
  return new Set(
    stored.filter((row) => Number(row.version) > (labels.get(Number(row.id)) ?? Infinity)).map((row) => Number(row.id)),
  );
}
