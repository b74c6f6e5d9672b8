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
