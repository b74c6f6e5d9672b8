import type { Db } from '../types';

/**
 * SQLite: ` INDEXED BY "<index>"` when that index exists, else nothing (MySQL: nothing). SQLite plans without
 * statistics, and between two indexes on a big table it may pick the one that reads every row (an order status
 * index over millions of orders, say) — where wc-host knows which one a query needs, it says so. Asked each time
 * (the file's schema is a few hundred rows), so an index dropped meanwhile is simply not named.
 */
export async function sqliteIndexHint(db: Db, index: string): Promise<string> {
  if (db.dialect !== 'sqlite') return '';
  const rows = await db.query(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`, [index]);
  return rows.length > 0 ? ` INDEXED BY "${index}"` : '';
}
