import type { Db } from '../../../src/db/types';
import type { SiteClock } from '../../../src/wp/siteTime';
import type { CustomerOrderStats } from '../orderStats';
import { combineOrderStats, type OrderCountRow } from './combineOrderStats';
import type { OrderStatusLists } from './orderStatuses';
import { placeholders } from './sqlList';

interface CountRow {
  customer_id: string;
  orders_count: number | string;
  last_order_id: number | string;
  post_date_gmt: string;
  post_date: string;
}

interface TotalRow {
  customer_id: string;
  total_spent: number | string | null;
}

/**
 * WC_Customer_Data_Store's get_order_count / get_total_spent / get_last_order over the posts storage, for a whole
 * page at once: the same joins and conditions (`shop_order` posts, `_customer_user` compared as a string, `_order_total`
 * summed for paid statuses), grouped by customer. Two queries, whatever the page size.
 */
export async function postsOrderStats(
  db: Db,
  customerIds: readonly number[],
  statuses: OrderStatusLists,
  clock: SiteClock,
): Promise<Map<number, CustomerOrderStats>> {
  const ids = customerIds.map(String);
  const posts = db.table('posts');
  const postmeta = db.table('postmeta');
  const counts: OrderCountRow[] = [];
  if (statuses.listed.length > 0) {
    const rows = await db.query<CountRow>(
      `SELECT counts.customer_id, counts.orders_count, counts.last_order_id, last_order.post_date_gmt, last_order.post_date
         FROM (SELECT meta.meta_value AS customer_id, COUNT(*) AS orders_count, MAX(posts.ID) AS last_order_id
                 FROM ${posts} AS posts
                 INNER JOIN ${postmeta} AS meta ON posts.ID = meta.post_id
                WHERE meta.meta_key = '_customer_user' AND meta.meta_value IN (${placeholders(ids)})
                  AND posts.post_type = 'shop_order' AND posts.post_status IN (${placeholders(statuses.listed)})
                GROUP BY meta.meta_value) AS counts
        INNER JOIN ${posts} AS last_order ON last_order.ID = counts.last_order_id`,
      [...ids, ...statuses.listed],
    );
    for (const row of rows) {
      counts.push({
        customerId: Number(row.customer_id),
        ordersCount: Number(row.orders_count),
        lastOrderId: Number(row.last_order_id),
        // WC_Order_Data_Store_CPT reads post_date_gmt, or post_date as site time when the GMT date is the zero date.
        lastOrderDateGmt: clock.utcMysqlToUtcIso(row.post_date_gmt) ?? clock.siteMysqlToUtcIso(row.post_date),
      });
    }
  }
  const totals = new Map<number, number>();
  if (statuses.paid.length > 0) {
    const rows = await db.query<TotalRow>(
      `SELECT meta.meta_value AS customer_id, SUM(meta2.meta_value) AS total_spent
         FROM ${posts} AS posts
         INNER JOIN ${postmeta} AS meta ON posts.ID = meta.post_id
         INNER JOIN ${postmeta} AS meta2 ON posts.ID = meta2.post_id
        WHERE meta.meta_key = '_customer_user' AND meta.meta_value IN (${placeholders(ids)})
          AND posts.post_type = 'shop_order' AND posts.post_status IN (${placeholders(statuses.paid)})
          AND meta2.meta_key = '_order_total'
        GROUP BY meta.meta_value`,
      [...ids, ...statuses.paid],
    );
    for (const row of rows) totals.set(Number(row.customer_id), Number(row.total_spent ?? 0));
  }
  return combineOrderStats(counts, totals);
}
