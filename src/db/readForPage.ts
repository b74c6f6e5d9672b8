import type { Db } from './types';

/**
 * How to read rows for `items` things at once: for more than one (a list page's users' meta, their orders) a long
 * read — off the event loop on SQLite, where 20 random customers' orders take ~3 ms at 3 M orders — for one an
 * ordinary read (a worker's round trip would cost about what the read does).
 */
export function readForPage(db: Db, items: number): Db['query'] {
  return items > 1 ? db.queryLong.bind(db) : db.query.bind(db);
}
