import type { Db } from '../../../src/db/types';
import { readForPage } from '../../../src/db/readForPage';
import type { SiteClock } from '../../../src/wp/siteTime';
import type { CustomerOrderStats } from '../orderStats';
import { combineOrderStats, customerOrderRow, type GroupedOrderFigures } from './combineOrderStats';
import type { OrderStatusLists } from './orderStatuses';
import { inList } from '../../../src/db/boundList';
import { postmetaCustomerIndex } from '../lookup/postmetaCustomerIndex';
import { sqliteIndexHint } from '../../../src/db/sqlite/indexHint';

interface StatsRow extends GroupedOrderFigures {
  post_date_gmt: string | null;
  post_date: string | null;
}

/** WC_Order_Data_Store_CPT's order date: post_date_gmt, or post_date as site time when the GMT date is the zero date. */
export function postsOrderDateGmt(clock: SiteClock, gmt: string | null, local: string | null): string | null {
  return gmt === null ? null : (clock.utcMysqlToUtcIso(gmt) ?? clock.siteMysqlToUtcIso(local ?? ''));
}

/**
 * WC_Customer_Data_Store's get_order_count / get_total_spent / get_last_order over the posts storage, for a whole
 * page in one query: WooCommerce's conditions (`shop_order` posts, `_customer_user` compared as a string, the
 * `_order_total` meta summed for paid statuses) grouped by customer. The total is a per-order subquery on the
 * postmeta `post_id` index rather than WooCommerce's second postmeta join, which MariaDB may plan as a scan of all
 * postmeta; it sums the same rows.
 */
export async function postsOrderStats(
  db: Db,
  customerIds: readonly number[],
  statuses: OrderStatusLists,
  clock: SiteClock,
): Promise<Map<number, CustomerOrderStats>> {
  const either = [...new Set([...statuses.listed, ...statuses.paid])];
  if (either.length === 0) return new Map();
  const ids = customerIds.map(String);
  const posts = db.table('posts');
  const postmeta = db.table('postmeta');
  // Grouped by the first 20 characters (a BIGINT id's length; same collation, same groups, since only values equal
  // to an id are kept): grouping by the longtext itself makes MariaDB build its temporary table on disk (Aria) for
  // every page, ~10x this query's cost even when no customer has orders.
  const customerId = 'SUBSTR(meta.meta_value, 1, 20)';
  // Without statistics SQLite prefers WordPress's meta_key index, which holds every order's `_customer_user` row.
  const hint = await sqliteIndexHint(db, postmetaCustomerIndex(db).name);
  const status = 'posts.post_status';
  const [listed, listedAgain, paid] = [statuses.listed, statuses.listed, statuses.paid].map((list) =>
    inList(db.dialect, status, list),
  );
  const [customers, anyStatus] = [inList(db.dialect, 'meta.meta_value', ids), inList(db.dialect, status, either)];
  const rows = await readForPage(db, customerIds.length)<StatsRow>(
    `SELECT page.customer_id, page.orders_count, page.last_order_id, page.total_spent,
            last_order.post_date_gmt, last_order.post_date
       FROM (SELECT ${customerId} AS customer_id,
                    SUM(CASE WHEN ${listed.sql} THEN 1 ELSE 0 END) AS orders_count,
                    MAX(CASE WHEN ${listedAgain.sql} THEN posts.ID END) AS last_order_id,
                    SUM(CASE WHEN ${paid.sql} THEN
                          (SELECT SUM(total.meta_value) FROM ${postmeta} AS total
                            WHERE total.post_id = posts.ID AND total.meta_key = '_order_total') END) AS total_spent
               FROM ${posts} AS posts
              INNER JOIN ${postmeta} AS meta${hint} ON posts.ID = meta.post_id
              WHERE meta.meta_key = '_customer_user' AND ${customers.sql}
                AND posts.post_type = 'shop_order' AND ${anyStatus.sql}
              GROUP BY ${customerId}) AS page
       LEFT JOIN ${posts} AS last_order ON last_order.ID = page.last_order_id`,
    [listed, listedAgain, paid, customers, anyStatus].flatMap((part) => part.params),
  );
  return combineOrderStats(
    rows.map((row) => customerOrderRow(row, postsOrderDateGmt(clock, row.post_date_gmt, row.post_date))),
  );
}
