import type { Db } from '../../../src/db/types';
import type { OrderStorage } from './orderStorage';
import { inList } from '../../../src/db/boundList';

/** What the downloads list needs of an order: its stored status (`wc-completed`…) and its order key. */
export interface DownloadOrder {
  id: number;
  status: string;
  orderKey: string;
}

interface OrderRow {
  id: number | string;
  status: string;
  order_key: string | null;
}

/**
 * The `shop_order` orders among `orderIds` (what wc_get_order finds), from the active storage: posts with their
 * `_order_key` meta, or `wc_orders` with the key from `wc_order_operational_data`. One query.
 */
export async function loadDownloadOrders(
  db: Db,
  storage: OrderStorage,
  orderIds: readonly number[],
): Promise<Map<number, DownloadOrder>> {
  const orders = new Map<number, DownloadOrder>();
  if (orderIds.length === 0) return orders;
  const hpos = storage === 'hpos';
  const listed = inList(db.dialect, hpos ? 'orders.id' : 'posts.ID', orderIds);
  const rows = hpos
    ? await db.query<OrderRow>(
        `SELECT orders.id AS id, orders.status AS status, operational.order_key AS order_key
             FROM ${db.table('wc_orders')} AS orders
             LEFT JOIN ${db.table('wc_order_operational_data')} AS operational ON operational.order_id = orders.id
            WHERE ${listed.sql} AND orders.type = 'shop_order'`,
        listed.params,
      )
    : await db.query<OrderRow>(
        `SELECT posts.ID AS id, posts.post_status AS status, meta.meta_value AS order_key
             FROM ${db.table('posts')} AS posts
             LEFT JOIN ${db.table('postmeta')} AS meta ON meta.post_id = posts.ID AND meta.meta_key = '_order_key'
            WHERE ${listed.sql} AND posts.post_type = 'shop_order'
            ORDER BY meta.meta_id`,
        listed.params,
      );
  for (const row of rows) {
    const id = Number(row.id);
    // get_post_meta(…, true) is the first row.
    if (!orders.has(id))
      orders.set(id, {
        id,
        status: String(row.status ?? ''),
        orderKey: row.order_key === null ? '' : String(row.order_key),
      });
  }
  return orders;
}
