import type { Db } from '../../../src/db/types';
import { readForPage } from '../../../src/db/readForPage';
import type { SiteClock } from '../../../src/wp/siteTime';
import type { CustomerOrderStats } from '../orderStats';
import { combineOrderStats, customerOrderRow, type GroupedOrderFigures } from './combineOrderStats';
import type { OrderStatusLists } from './orderStatuses';
import { inList } from '../../../src/db/boundList';
import { sqliteIndexHint } from '../../../src/db/sqlite/indexHint';

interface StatsRow extends GroupedOrderFigures {
  date_created_gmt: string | null;
}

/** An HPOS order's date_created_gmt as WooCommerce reads it (UTC; the zero date is none). */
export function hposOrderDateGmt(clock: SiteClock, gmt: string | null): string | null {
  return gmt === null ? null : clock.utcMysqlToUtcIso(gmt);
}

/**
 * WC_Customer_Data_Store's get_order_count / get_total_spent / get_last_order over the HPOS table `wc_orders`, for a
 * whole page in one query. Like WooCommerce it filters on customer and status only (no `type`): refunds have no
 * customer_id there, so they never count.
 */
export async function hposOrderStats(
  db: Db,
  customerIds: readonly number[],
  statuses: OrderStatusLists,
  clock: SiteClock,
): Promise<Map<number, CustomerOrderStats>> {
  const either = [...new Set([...statuses.listed, ...statuses.paid])];
  if (either.length === 0) return new Map();
  const orders = db.table('wc_orders');
  // Without statistics SQLite may walk the status index over every order instead of the customer's.
  const hint = await sqliteIndexHint(db, `${db.prefix}wc_orders_customer_id_billing_email`);
  const [listed, listedAgain, paid] = [statuses.listed, statuses.listed, statuses.paid].map((list) =>
    inList(db.dialect, 'status', list),
  );
  const [customers, anyStatus] = [inList(db.dialect, 'customer_id', customerIds), inList(db.dialect, 'status', either)];
  const rows = await readForPage(db, customerIds.length)<StatsRow>(
    `SELECT page.customer_id, page.orders_count, page.last_order_id, page.total_spent, last_order.date_created_gmt
       FROM (SELECT customer_id,
                    SUM(CASE WHEN ${listed.sql} THEN 1 ELSE 0 END) AS orders_count,
                    MAX(CASE WHEN ${listedAgain.sql} THEN id END) AS last_order_id,
                    SUM(CASE WHEN ${paid.sql} THEN total_amount END) AS total_spent
               FROM ${orders}${hint}
              WHERE ${customers.sql} AND ${anyStatus.sql}
              GROUP BY customer_id) AS page
       LEFT JOIN ${orders} AS last_order ON last_order.id = page.last_order_id`,
    [listed, listedAgain, paid, customers, anyStatus].flatMap((part) => part.params),
  );
  return combineOrderStats(rows.map((row) => customerOrderRow(row, hposOrderDateGmt(clock, row.date_created_gmt))));
}
