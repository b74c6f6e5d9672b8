import type { Db } from '../../../src/db/types';
import type { SiteClock } from '../../../src/wp/siteTime';
import type { CustomerOrderStats } from '../orderStats';
import { combineOrderStats, type OrderCountRow } from './combineOrderStats';
import type { OrderStatusLists } from './orderStatuses';
import { placeholders } from './sqlList';

interface CountRow {
  customer_id: number | string;
  orders_count: number | string;
  last_order_id: number | string;
  date_created_gmt: string | null;
}

interface TotalRow {
  customer_id: number | string;
  total_spent: number | string | null;
}

/**
 * WC_Customer_Data_Store's get_order_count / get_total_spent / get_last_order over the HPOS table `wc_orders`, for a
 * whole page at once. Like WooCommerce it filters on customer and status only (no `type`): refunds have no
 * customer_id there, so they never count. Two queries, whatever the page size.
 */
export async function hposOrderStats(
  db: Db,
  customerIds: readonly number[],
  statuses: OrderStatusLists,
  clock: SiteClock,
): Promise<Map<number, CustomerOrderStats>> {
  const orders = db.table('wc_orders');
  const counts: OrderCountRow[] = [];
  if (statuses.listed.length > 0) {
    const rows = await db.query<CountRow>(
      `SELECT counts.customer_id, counts.orders_count, counts.last_order_id, last_order.date_created_gmt
         FROM (SELECT customer_id, COUNT(id) AS orders_count, MAX(id) AS last_order_id
                 FROM ${orders}
                WHERE customer_id IN (${placeholders(customerIds)}) AND status IN (${placeholders(statuses.listed)})
                GROUP BY customer_id) AS counts
        INNER JOIN ${orders} AS last_order ON last_order.id = counts.last_order_id`,
      [...customerIds, ...statuses.listed],
    );
    for (const row of rows) {
      counts.push({
        customerId: Number(row.customer_id),
        ordersCount: Number(row.orders_count),
        lastOrderId: Number(row.last_order_id),
        lastOrderDateGmt: row.date_created_gmt === null ? null : clock.utcMysqlToUtcIso(row.date_created_gmt),
      });
    }
  }
  const totals = new Map<number, number>();
  if (statuses.paid.length > 0) {
    const rows = await db.query<TotalRow>(
      `SELECT customer_id, SUM(total_amount) AS total_spent
         FROM ${orders}
        WHERE customer_id IN (${placeholders(customerIds)}) AND status IN (${placeholders(statuses.paid)})
        GROUP BY customer_id`,
      [...customerIds, ...statuses.paid],
    );
    for (const row of rows) totals.set(Number(row.customer_id), Number(row.total_spent ?? 0));
  }
  return combineOrderStats(counts, totals);
}
