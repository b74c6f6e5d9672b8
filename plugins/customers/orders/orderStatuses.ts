import type { Hooks } from '../../../src/hooks/types';

/**
 * wc_get_order_statuses() on a WooCommerce site: core's seven statuses plus the Blocks package's `wc-checkout-draft`
 * (DraftOrders registers it through the same filter, and the Blocks package is always loaded).
 */
const ORDER_STATUSES: Readonly<Record<string, string>> = {
  'wc-pending': 'Pending payment',
  'wc-processing': 'Processing',
  'wc-on-hold': 'On hold',
  'wc-completed': 'Completed',
  'wc-cancelled': 'Cancelled',
  'wc-refunded': 'Refunded',
  'wc-failed': 'Failed',
  'wc-checkout-draft': 'Draft',
};

/** The statuses that count as an order (`wc_order_statuses` filter), as stored: `wc-completed`… */
export async function listedOrderStatuses(hooks: Hooks): Promise<string[]> {
  const statuses: unknown = await hooks.applyFilters('wc_order_statuses', { ...ORDER_STATUSES });
  return statuses !== null && typeof statuses === 'object' ? Object.keys(statuses) : [];
}

/** wc_get_is_paid_statuses() (`woocommerce_order_is_paid_statuses` filter), as stored: `wc-processing`, `wc-completed`. */
export async function paidOrderStatuses(hooks: Hooks): Promise<string[]> {
  const statuses: unknown = await hooks.applyFilters('woocommerce_order_is_paid_statuses', ['processing', 'completed']);
  return Array.isArray(statuses) ? statuses.map((status) => `wc-${String(status)}`) : [];
}

/** Both status lists, read once per page. */
export interface OrderStatusLists {
  /** Orders that count in orders_count and last_order. */
  listed: readonly string[];
  /** Orders whose totals make total_spent. */
  paid: readonly string[];
}

export async function orderStatusLists(hooks: Hooks): Promise<OrderStatusLists> {
  const [listed, paid] = await Promise.all([listedOrderStatuses(hooks), paidOrderStatuses(hooks)]);
  return { listed, paid };
}
