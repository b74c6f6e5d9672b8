/** A customer's order figures, as the v1/v2 responses show them. */
export interface CustomerOrderStats {
  ordersCount: number;
  /** Two-decimal string, "0.00" when nothing was paid. */
  totalSpent: string;
  lastOrder: { id: number; dateGmt: string } | null;
}

/**
 * Where order figures come from. Reads a whole page at once so a list never costs a query per customer.
 */
export interface OrderStatsSource {
  statsFor(customerIds: readonly number[]): Promise<Map<number, CustomerOrderStats>>;
}

export const NO_ORDERS: CustomerOrderStats = { ordersCount: 0, totalSpent: '0.00', lastOrder: null };
