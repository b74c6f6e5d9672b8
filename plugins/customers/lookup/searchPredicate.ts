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

/** A search over the lookup (alias `l`): ids worth testing (null: every row), and the exact test. */
export interface LookupSearch {
  /** A SELECT of `user_id`s that holds every match (a superset), or null. */
  candidates: SqlPart | null;
  /** WordPress's LIKE tests, exactly, on `l`'s folded columns. */
  test: SqlPart;
}

/**
 * WordPress's search — `column LIKE '%term%'` (or `term%`, `%term`, `term`) for each searched column, `ID = term` —
 * as exact tests on the lookup's folded columns: under utf8mb4_unicode_520_ci, LIKE compares character by character
 * by collation weight, and the fold maps each character to one representative of its weight class, so the LIKE holds
 * exactly when the folded bytes contain (start with, end with, equal) the folded term.
 *
 * Candidates, where an index can find them: an exact term is looked up in fold_email and by display_name's sort key
 * (every LIKE-equal name shares it), so `email=` is two index lookups; on SQLite a wild term of three characters or
 * more is narrowed by the trigram index to the rows holding every trigram of it. The test still decides.
 */
export function lookupSearch(db: Pick<Db, 'dialect' | 'table'>, search: UserSearch): LookupSearch {
  const term = foldUnicode520(search.term);
  const sqlite = db.dialect === 'sqlite';
  const wild = search.leadingWild || search.trailingWild;
  const columns = [...new Set(search.columns)].filter((column) => column !== 'ID');
  const id = search.columns.includes('ID') ? idMatchedBy(search.term) : null;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const column of columns) {
    const folded = `l.${FOLD_COLUMN_OF[column]}`;
    if (search.leadingWild && search.trailingWild) {
      parts.push(term.length === 0 ? 'TRUE' : `INSTR(${folded}, ?) > 0`);
      if (term.length > 0) params.push(term);
    } else if (search.trailingWild) {
      parts.push(sqlite ? `substr(${folded}, 1, ?) = ?` : `LEFT(${folded}, ?) = ?`);
      params.push(term.length, term);
    } else if (search.leadingWild) {
      parts.push(term.length === 0 ? 'TRUE' : sqlite ? `substr(${folded}, -?) = ?` : `RIGHT(${folded}, ?) = ?`);
      if (term.length > 0) params.push(term.length, term);
    } else {
      parts.push(`${folded} = ?`);
      params.push(term);
    }
  }
  if (id !== null) {
    parts.push('l.user_id = ?');
    params.push(id);
  }
  const test = parts.length === 0 ? { sql: 'FALSE', params: [] } : { sql: `(${parts.join(' OR ')})`, params };

  const lookup = db.table(LOOKUP_TABLES.lookup);
  const selects: SqlPart[] = [];
  if (!wild) {
    for (const column of columns) {
      if (column === 'user_email')
        selects.push({ sql: `SELECT user_id FROM ${lookup} WHERE fold_email = ?`, params: [term] });
      else if (column === 'display_name')
        selects.push({
          sql: `SELECT user_id FROM ${lookup} WHERE name_key = ?`,
          params: [sqlite ? sortKeyUnicode520(search.term) : search.term],
        });
      else return { candidates: null, test }; // no index on that column: every row is a candidate
    }
  } else {
    const trigrams = sqlite ? trigramQuery(term.toString('utf8')) : null;
    if (!trigrams || columns.length === 0) return { candidates: null, test };
    const fts = db.table(LOOKUP_TABLES.search);
    selects.push({ sql: `SELECT rowid AS user_id FROM ${fts} WHERE ${fts} MATCH ?`, params: [trigrams] });
  }
  // The ID test is not a text test: a user found by ID need not hold the term.
  if (id !== null) selects.push({ sql: 'SELECT ? AS user_id', params: [id] });
  if (selects.length === 0) return { candidates: null, test };
  return {
    candidates: {
      sql: selects.map((part) => part.sql).join(' UNION '),
      params: selects.flatMap((part) => part.params),
    },
    test,
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
