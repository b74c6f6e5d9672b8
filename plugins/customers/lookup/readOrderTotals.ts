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
import { addAmounts, type DriverAmount } from '../orders/addAmounts';

/** One kept status row of a customer whose totals are current (all NULL but the id: a customer without orders). */
interface KeptStatusRow {
  customer_id: number | string;
  orders: number | string | null;
  last_id: number | string | null;
  amount: DriverAmount;
  last_date_gmt: string | null;
  last_date: string | null;
  /** Whether the status is one asked for (1), not (0), or none (NULL): tested in SQL, under the column's collation. */
  listed: number | string | null;
  paid: number | string | null;
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
  const [listed, paid] = [statuses.listed, statuses.paid].map((list) => inList(db.dialect, 's.status', list));
  const users = inList(db.dialect, 'v.user_id', customerIds);
  const code = TOTALS_STORAGE[storage];
  const amount = storage === 'hpos' ? 's.total' : 's.total_float';
  // Posts storage: not while some `_customer_user` may match a customer in a way no trigger tracks (lookupTriggers.ts).
  const trusted =
    storage === 'posts'
      ? `AND NOT EXISTS (SELECT 1 FROM ${db.table(LOOKUP_TABLES.state)} WHERE name = '${ODD_CUSTOMER_USER}' AND value = 1)`
      : '';
  // Each status row as it is, summed below: grouping in SQL costs MariaDB a temporary table a read, about half the
  // statement's time. The status tests stay in SQL, which matches them as WooCommerce's query does (collation).
  const rows = await db.query<KeptStatusRow>(
    `SELECT h.customer_id, s.orders, s.last_id, ${amount} AS amount, s.last_date_gmt, s.last_date,
            ${listed.sql} AS listed, ${paid.sql} AS paid
       FROM ${db.table(LOOKUP_TABLES.versions)} AS v
       JOIN ${totals} AS h
         ON h.storage = ? AND h.customer_id = v.user_id AND h.kind = 0 AND h.status = '' AND h.version = v.version
       LEFT JOIN ${totals} AS s
         ON s.storage = h.storage AND s.customer_id = h.customer_id AND s.kind = 1 AND s.version = h.version
      WHERE ${users.sql} ${trusted}`,
    [...listed.params, ...paid.params, code, ...users.params],
  );
  // The last order's date read as each storage's own query reads it (the kept row copies that order's dates).
  const result = sumKeptRows(rows).map(({ figures, last }): CustomerOrderRow =>
    customerOrderRow(
      figures,
      storage === 'hpos'
        ? hposOrderDateGmt(clock, last?.last_date_gmt ?? null)
        : postsOrderDateGmt(clock, last?.last_date_gmt ?? null, last?.last_date ?? null),
    ),
  );
  const found = new Set(result.map((row) => row.customerId));
  return { rows: result, missing: customerIds.filter((id) => !found.has(id)) };
}

/**
 * Per customer, in the order the rows came, what WooCommerce's grouped query sums: the listed statuses' orders and
 * highest id, the paid statuses' amounts (as SQL's SUM adds them), and the row holding that highest id — whose
 * copy of the order's dates is the last order's.
 */
function sumKeptRows(rows: readonly KeptStatusRow[]) {
  const sums = new Map<string, { figures: GroupedOrderFigures; last: KeptStatusRow | null }>();
  for (const row of rows) {
    const key = String(row.customer_id);
    let sum = sums.get(key);
    if (!sum) {
      sum = {
        figures: { customer_id: row.customer_id, orders_count: 0, last_order_id: null, total_spent: null },
        last: null,
      };
      sums.set(key, sum);
    }
    const figures = sum.figures;
    if (Number(row.listed) === 1) {
      figures.orders_count = Number(figures.orders_count) + Number(row.orders ?? 0);
      if (
        row.last_id !== null &&
        (figures.last_order_id === null || Number(row.last_id) > Number(figures.last_order_id))
      )
        figures.last_order_id = row.last_id;
    }
    if (Number(row.paid) === 1) figures.total_spent = addAmounts(figures.total_spent, row.amount);
  }
  for (const row of rows) {
    const sum = sums.get(String(row.customer_id));
    const lastId = sum?.figures.last_order_id ?? null;
    if (sum && lastId !== null && row.last_id !== null && Number(row.last_id) === Number(lastId)) sum.last = row;
  }
  return [...sums.values()];
}
