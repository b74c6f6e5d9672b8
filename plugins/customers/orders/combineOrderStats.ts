import type { CustomerOrderStats } from '../orderStats';
import { formatMoney } from './formatMoney';

/** One customer's row of the grouped count query (either storage). */
export interface OrderCountRow {
  customerId: number;
  ordersCount: number;
  lastOrderId: number;
  /** The last order's creation date in UTC, `Y-m-d\TH:i:s`; null when the order has none. */
  lastOrderDateGmt: string | null;
}

/**
 * The page's figures from the grouped count and total queries. A customer missing from both has no entry (the
 * caller shows no orders); one present in only one of them (the status filters may disagree) gets zeros for the other.
 */
export function combineOrderStats(counts: readonly OrderCountRow[], totals: ReadonlyMap<number, number>): Map<number, CustomerOrderStats> {
  const stats = new Map<number, CustomerOrderStats>();
  for (const row of counts) {
    stats.set(row.customerId, {
      ordersCount: row.ordersCount,
      totalSpent: formatMoney(totals.get(row.customerId) ?? 0),
      lastOrder: row.lastOrderDateGmt === null ? null : { id: row.lastOrderId, dateGmt: row.lastOrderDateGmt },
    });
  }
  for (const [customerId, total] of totals) {
    if (!stats.has(customerId)) stats.set(customerId, { ordersCount: 0, totalSpent: formatMoney(total), lastOrder: null });
  }
  return stats;
}
