import { foldUnicode520, sortKeyUnicode520 } from '../../../src/collation/unicode520';
import type { Db } from '../../../src/db/types';
import type { UserSearch } from '../store/userQuery/parseUserQuery';
import { idMatchedBy } from '../store/userQuery/searchTerm';
import { LOOKUP_TABLES } from './lookupTables';
import { FOLD_COLUMN_OF, FOLD_COLUMNS } from './lookupRow';

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
  // An exact term is an index lookup already (fold_email, name_key): only wild searches need the trigrams.
  const trigrams = sqlite && (search.leadingWild || search.trailingWild) ? trigramQuery(term.toString('utf8')) : null;
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

/**
 * MySQL, a wild search (`%term%`, `term%`, `%term`): the same tests on the search table's one joined value, each
 * column being the segment between its separators — a narrow row per user is the cheapest thing to scan. Searching
 * every column for `%term%` is one INSTR over the whole value (the separator never occurs in a fold or a term).
 */
export function joinedSearchPredicate(search: UserSearch): SqlPart {
  const term = foldUnicode520(search.term);
  const columns = [...new Set(search.columns)].filter((column) => column !== 'ID');
  const segments = columns.map((column) => FOLD_COLUMNS.indexOf(FOLD_COLUMN_OF[column]));
  const parts: string[] = [];
  const params: unknown[] = [];
  const everyColumn = FOLD_COLUMNS.every((_, index) => segments.includes(index));
  if (search.leadingWild && search.trailingWild && everyColumn) {
    parts.push(term.length === 0 ? 'TRUE' : 'INSTR(folded, ?) > 0');
    if (term.length > 0) params.push(term);
  } else {
    for (const index of segments) {
      const segment =
        index === 0
          ? `SUBSTRING_INDEX(folded, x'02', 1)`
          : index === FOLD_COLUMNS.length - 1
            ? `SUBSTRING_INDEX(folded, x'02', -1)`
            : `SUBSTRING_INDEX(SUBSTRING_INDEX(folded, x'02', ${index + 1}), x'02', -1)`;
      if (term.length === 0) parts.push('TRUE');
      else if (search.leadingWild && search.trailingWild) parts.push(`INSTR(${segment}, ?) > 0`);
      else if (search.trailingWild) parts.push(`LEFT(${segment}, ?) = ?`);
      else parts.push(`RIGHT(${segment}, ?) = ?`);
      if (term.length > 0) params.push(...(search.leadingWild && search.trailingWild ? [term] : [term.length, term]));
    }
  }
  const id = search.columns.includes('ID') ? idMatchedBy(search.term) : null;
  if (id !== null) {
    parts.push('user_id = ?');
    params.push(id);
  }
  return parts.length === 0 ? { sql: 'FALSE', params: [] } : { sql: `(${parts.join(' OR ')})`, params };
}
