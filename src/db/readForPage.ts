import type { Db } from './types';

/** More items than this in one read are a list page's worth. */
const PAGE = 20;

/**
 * How to read rows for `items` things at once: a list page's worth (a page of users' meta, their orders) is a long
 * read — off the event loop on SQLite, where it takes milliseconds — anything smaller an ordinary one.
 */
export function readForPage(db: Db, items: number): Db['query'] {
  return items > PAGE ? db.queryLong.bind(db) : db.query.bind(db);
}
