import type { Database } from 'better-sqlite3';
import { likeUnicode520, sortKeyUnicode520 } from '../../collation/unicode520';

/** `wc_host_like_520(subject, pattern)`: MySQL's `subject LIKE pattern` under utf8mb4_unicode_520_ci (escape `\`). */
export const SQLITE_LIKE_520 = 'wc_host_like_520';
/** `wc_host_sortkey_520(text)`: a BLOB that sorts as MySQL sorts the text under utf8mb4_unicode_520_ci. */
export const SQLITE_SORT_KEY_520 = 'wc_host_sortkey_520';

/**
 * SQL functions that give SQLite MySQL's text semantics where WordPress's queries rely on them. They are registered
 * on each connection at run time and used only in queries, never in the schema, so the file stays usable by any
 * SQLite tool.
 */
export function registerSqliteFunctions(db: Database): void {
  db.function(SQLITE_LIKE_520, { deterministic: true }, (subject: unknown, pattern: unknown) => {
    if (subject === null || pattern === null) return null;
    return likeUnicode520(String(subject), String(pattern)) ? 1 : 0;
  });
  db.function(SQLITE_SORT_KEY_520, { deterministic: true }, (text: unknown) =>
    text === null ? null : sortKeyUnicode520(Buffer.isBuffer(text) ? text.toString('utf8') : String(text)),
  );
}
