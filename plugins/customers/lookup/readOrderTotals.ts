import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import type { SiteClock } from '../../../src/wp/siteTime';
import { customerOrderRow, type CustomerOrderRow, type GroupedOrderFigures } from '../orders/combineOrderStats';
import { hposOrderDateGmt } from '../orders/hposOrderStats';
import { postsOrderDateGmt } from '../orders/postsOrderStats';
import type { OrderStatusLists } from '../orders/orderStatuses';
import { LOOKUP_TABLES } from './lookupTables';
import { ODD_CUSTOMER_USER } from './lookupTriggers';
import { TOTALS_STORAGE } from './writeOrderTotals';

interface PageRow extends GroupedOrderFigures {
  last_date_gmt: string | null;
  last_date: string | null;
}

/**
 * The order figures of the customers whose kept totals are current — labelled with the version the customer has
 * now, so no order of theirs changed since (writeOrderTotals.ts) — summed over the statuses asked for, as the
 * grouped query over the orders would sum them. `missing`: the customers without current totals; their figures
 * must be read from the orders.
 */
export async function readOrderTotals(
  db: Db,
  storage: 'hpos' | 'posts',
  customerIds: readonly number[],
  statuses: OrderStatusLists,
  clock: SiteClock,
): Promise<{ rows: CustomerOrderRow[]; missing: number[] }> {
  const totals = db.table(LOOKUP_TABLES.orders);
  const [listed, listedAgain, paid] = [statuses.listed, statuses.listed, statuses.paid].map((list) =>
    inList(db.dialect, 's.status', list),
  );
  const users = inList(db.dialect, 'v.user_id', customerIds);
  const code = TOTALS_STORAGE[storage];
  const amount = storage === 'hpos' ? 's.total' : 's.total_float';
  // Posts storage: not while some `_customer_user` may match a customer in a way no trigger tracks (lookupTriggers.ts).
  const trusted =
    storage === 'posts'
      ? `AND NOT EXISTS (SELECT 1 FROM ${db.table(LOOKUP_TABLES.state)} WHERE name = '${ODD_CUSTOMER_USER}' AND value = 1)`
      : '';
  const rows = await db.query<PageRow>(
    `SELECT page.customer_id, page.orders_count, page.last_order_id, page.total_spent, d.last_date_gmt, d.last_date
       FROM (SELECT h.customer_id, h.version,
                    SUM(CASE WHEN ${listed.sql} THEN s.orders ELSE 0 END) AS orders_count,
                    MAX(CASE WHEN ${listedAgain.sql} THEN s.last_id END) AS last_order_id,
                    SUM(CASE WHEN ${paid.sql} THEN ${amount} END) AS total_spent
               FROM ${db.table(LOOKUP_TABLES.versions)} AS v
               JOIN ${totals} AS h
                 ON h.storage = ? AND h.customer_id = v.user_id AND h.kind = 0 AND h.status = '' AND h.version = v.version
               LEFT JOIN ${totals} AS s
                 ON s.storage = h.storage AND s.customer_id = h.customer_id AND s.kind = 1 AND s.version = h.version
              WHERE ${users.sql} ${trusted}
              GROUP BY h.customer_id, h.version) AS page
       LEFT JOIN ${totals} AS d
         ON d.storage = ? AND d.customer_id = page.customer_id AND d.kind = 1 AND d.version = page.version
        AND d.last_id = page.last_order_id`,
    [...listed.params, ...listedAgain.params, ...paid.params, code, ...users.params, code],
  );
  // The last order's date read as each storage's own query reads it (the kept row copies that order's dates).
  const result = rows.map((row): CustomerOrderRow =>
    customerOrderRow(
      row,
      storage === 'hpos'
        ? hposOrderDateGmt(clock, row.last_date_gmt)
        : postsOrderDateGmt(clock, row.last_date_gmt, row.last_date),
    ),
  );
  const found = new Set(result.map((row) => row.customerId));
  return { rows: result, missing: customerIds.filter((id) => !found.has(id)) };
}
