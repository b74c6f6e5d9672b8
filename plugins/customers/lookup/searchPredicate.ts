import { foldUnicode520, sortKeyUnicode520 } from '../../../src/collation/unicode520';
import type { Db } from '../../../src/db/types';
import type { UserSearch } from '../store/userQuery/parseUserQuery';
import { idMatchedBy } from '../store/userQuery/searchTerm';
import { LOOKUP_TABLES } from './lookupTables';
import { FOLD_COLUMN_OF } from './lookupRow';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * WordPress's search — `column LIKE '%term%'` (or `term%`, `%term`, `term`) for each searched column, `ID = term` —
 * as exact tests on the lookup's folded columns: under utf8mb4_unicode_520_ci, LIKE compares character by character
 * by collation weight, and the fold maps each character to one representative of its weight class, so the LIKE holds
 * exactly when the folded bytes contain (start with, end with, equal) the folded term.
 *
 * On SQLite the trigram index first narrows the rows to those holding every trigram of the folded term (a superset:
 * the fold test above still decides). An exact-match term also looks display_name up by its sort key, which every
 * LIKE-equal name shares, so `email=` is an index lookup on both databases.
 */
export function searchPredicate(db: Pick<Db, 'dialect' | 'table'>, search: UserSearch): SqlPart {
  const term = foldUnicode520(search.term);
  const sqlite = db.dialect === 'sqlite';
  const parts: string[] = [];
  const params: unknown[] = [];
  let id: number | null = null;
  for (const column of new Set(search.columns)) {
    if (column === 'ID') {
      id = idMatchedBy(search.term);
      continue;
    }
    const folded = FOLD_COLUMN_OF[column];
    if (search.leadingWild && search.trailingWild) {
      parts.push(term.length === 0 ? 'TRUE' : `INSTR(${folded}, ?) > 0`);
      if (term.length > 0) params.push(term);
    } else if (search.trailingWild) {
      parts.push(sqlite ? `substr(${folded}, 1, ?) = ?` : `LEFT(${folded}, ?) = ?`);
      params.push(term.length, term);
    } else if (search.leadingWild) {
      parts.push(term.length === 0 ? 'TRUE' : sqlite ? `substr(${folded}, -?) = ?` : `RIGHT(${folded}, ?) = ?`);
      if (term.length > 0) params.push(term.length, term);
    } else if (column === 'display_name') {
      parts.push(`(name_key = ? AND ${folded} = ?)`);
      params.push(sqlite ? sortKeyUnicode520(search.term) : search.term, term);
    } else {
      parts.push(`${folded} = ?`);
      params.push(term);
    }
  }
  if (id !== null) {
    parts.push('user_id = ?');
    params.push(id);
  }
  if (parts.length === 0) return { sql: 'FALSE', params: [] };
  const exact = `(${parts.join(' OR ')})`;
  const trigrams = sqlite ? trigramQuery(term.toString('utf8')) : null;
  if (!trigrams) return { sql: exact, params };
  // The ID test is not a text test: a user found by ID need not hold the term's trigrams.
  const narrowed = `user_id IN (SELECT rowid FROM ${db.table(LOOKUP_TABLES.search)} WHERE ${db.table(LOOKUP_TABLES.search)} MATCH ?)`;
  return {
    sql: id === null ? `(${narrowed} AND ${exact})` : `((${narrowed} AND ${exact}) OR user_id = ?)`,
    params: id === null ? [trigrams, ...params] : [trigrams, ...params, id],
  };
}

/** An FTS5 query requiring every trigram of `text`; null when it has fewer than three characters. */
function trigramQuery(text: string): string | null {
  const characters = [...text];
  if (characters.length < 3) return null;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= characters.length; i++) trigrams.add(characters.slice(i, i + 3).join(''));
  return [...trigrams].map((trigram) => `"${trigram.replace(/"/g, '""')}"`).join(' AND ');
}
