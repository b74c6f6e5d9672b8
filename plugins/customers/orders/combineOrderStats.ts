import type { CustomerOrderStats } from '../orderStats';
import { formatMoney } from './formatMoney';

/** One customer's row of the grouped order query (either storage). */
export interface CustomerOrderRow {
  customerId: number;
  /** Orders in a listed status. */
  ordersCount: number;
  /** The highest listed order id, or null when there is none. */
  lastOrderId: number | null;
  /** That order's creation date in UTC, `Y-m-d\TH:i:s`; null when it has none. */
  lastOrderDateGmt: string | null;
  /** The sum of the paid orders' totals (null: none). */
  totalSpent: number | null;
}

/** A grouped order query's figures as the driver returns them (BIGINT and DECIMAL sums may come as text). */
export interface GroupedOrderFigures {
  customer_id: number | string;
  orders_count: number | string | null;
  last_order_id: number | string | null;
  total_spent: number | string | null;
}

/** One customer's row from a grouped query's figures and its last order's date, already read as UTC. */
export function customerOrderRow(figures: GroupedOrderFigures, lastOrderDateGmt: string | null): CustomerOrderRow {
  return {
    customerId: Number(figures.customer_id),
    ordersCount: Number(figures.orders_count ?? 0),
    lastOrderId: figures.last_order_id === null ? null : Number(figures.last_order_id),
    lastOrderDateGmt,
    totalSpent: figures.total_spent === null ? null : Number(figures.total_spent),
  };
}

/** The page's figures, by customer id. A customer without any row has no entry (the caller shows no orders). */
export function combineOrderStats(rows: readonly CustomerOrderRow[]): Map<number, CustomerOrderStats> {
  const stats = new Map<number, CustomerOrderStats>();
  for (const row of rows) {
    stats.set(row.customerId, {
      ordersCount: row.ordersCount,
      totalSpent: formatMoney(row.totalSpent ?? 0),
      lastOrder:
        row.lastOrderId === null || row.lastOrderDateGmt === null
          ? null
          : { id: row.lastOrderId, dateGmt: row.lastOrderDateGmt },
    });
  }
  return stats;
}
