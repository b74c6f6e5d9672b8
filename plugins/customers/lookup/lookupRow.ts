import { foldUnicode520, sortKeyUnicode520 } from '../../../src/collation/unicode520';
import type { Dialect } from '../../../src/db/types';

/** The `{prefix}users` columns the lookup copies. */
export interface SourceUser {
  ID: number | string;
  user_login: string;
  user_url: string;
  user_email: string;
  user_nicename: string;
  display_name: string;
  user_registered: string;
}

/** One row of the lookup table. */
export interface LookupRow {
  user_id: number;
  role_group: number;
  /** MySQL: display_name itself (the column has display_name's collation); SQLite: its unicode_520 sort key. */
  name_key: string | Buffer;
  registered: string;
  fold_login: Buffer;
  fold_url: Buffer;
  fold_email: Buffer;
  fold_nicename: Buffer;
  fold_display: Buffer;
}

export const FOLD_COLUMNS = ['fold_login', 'fold_url', 'fold_email', 'fold_nicename', 'fold_display'] as const;
export type FoldColumn = (typeof FOLD_COLUMNS)[number];

/** The lookup column that holds the folded copy of each searchable users column. */
export const FOLD_COLUMN_OF: Record<string, FoldColumn> = {
  user_login: 'fold_login',
  user_url: 'fold_url',
  user_email: 'fold_email',
  user_nicename: 'fold_nicename',
  display_name: 'fold_display',
};

/**
 * A user's lookup row. The folds make WordPress's LIKE searches exact byte tests (see foldUnicode520), the name key
 * makes ORDER BY display_name a plain index order on SQLite.
 */
export function lookupRowOf(dialect: Dialect, user: SourceUser, roleGroup: number): LookupRow {
  const displayName = String(user.display_name ?? '');
  return {
    user_id: Number(user.ID),
    role_group: roleGroup,
    name_key: dialect === 'mysql' ? displayName : sortKeyUnicode520(displayName),
    registered: registeredText(user.user_registered),
    fold_login: foldUnicode520(String(user.user_login ?? '')),
    fold_url: foldUnicode520(String(user.user_url ?? '')),
    fold_email: foldUnicode520(String(user.user_email ?? '')),
    fold_nicename: foldUnicode520(String(user.user_nicename ?? '')),
    fold_display: foldUnicode520(displayName),
  };
}

/** Whether two rows hold the same values (the lookup is rewritten only when something it keeps changed). */
export function sameLookupRow(a: LookupRow, b: LookupRow): boolean {
  return (
    a.role_group === b.role_group &&
    sameValue(a.name_key, b.name_key) &&
    a.registered === b.registered &&
    FOLD_COLUMNS.every((column) => a[column].equals(b[column]))
  );
}

/** The text the SQLite trigram index holds for a row: every folded column, one per line. */
export function searchTextOf(row: LookupRow): string {
  return FOLD_COLUMNS.map((column) => row[column].toString('utf8')).join('\n');
}

/** Byte 0x02: never part of a fold (U+0002 folds to U+0001 with the other ignorables), so it can separate them. */
export const FOLD_SEPARATOR = 0x02;

/** MySQL's search row value: the folded columns in FOLD_COLUMNS order, joined by FOLD_SEPARATOR. */
export function joinedFoldsOf(row: LookupRow): Buffer {
  const separator = Buffer.from([FOLD_SEPARATOR]);
  return Buffer.concat(
    FOLD_COLUMNS.flatMap((column, index) => (index === 0 ? [row[column]] : [separator, row[column]])),
  );
}

function sameValue(a: string | Buffer, b: string | Buffer): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.equals(b);
}

/** user_registered as WordPress stores it, `YYYY-MM-DD HH:MM:SS` (drivers may hand back a Date). */
function registeredText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return String(value ?? '');
}
