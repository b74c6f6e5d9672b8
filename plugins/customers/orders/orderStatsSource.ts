import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import type { OptionsApi } from '../../../src/host/types';
import { siteClockFromOptions } from '../../../src/wp/siteTime';
import type { OrderStatsSource } from '../orderStats';
import { hposOrderStats } from './hposOrderStats';
import { orderStatusLists } from './orderStatuses';
import { activeOrderStorage } from './orderStorage';
import { postsOrderStats } from './postsOrderStats';
import { readOrderTotals } from '../lookup/readOrderTotals';
import { readWhenPresent } from '../lookup/readWhenPresent';
import { combineOrderStats } from './combineOrderStats';

/**
 * orders_count, total_spent and last_order from the orders themselves, in whichever storage the site uses (decided
 * per call, so flipping `woocommerce_custom_orders_table_enabled` takes effect with the options cache).
 *
 * WooCommerce's cached meta keys (`wc_order_count_{site}`, `wc_money_spent_{site}`, `wc_last_order_{site}`, and the
 * older `_order_count`, `_money_spent`, `_last_order`) are neither read nor written here:
 * - reading them would show stale figures whenever an order changes without WooCommerce clearing the cache (orders
 *   written by another system, a cache WooCommerce only refreshes on its own request paths), while one grouped
 *   query per page is cheap — so a customer's figures are right right after any order change;
 * - writing them would add rows WooCommerce did not write. The caches WooCommerce itself writes stay where they
 *   are; they are not on its internal-meta list (except the `_`-prefixed old ones, which the protected-meta rule
 *   hides), so `meta_data` shows them exactly as a real site does.
 * The per-customer filters `woocommerce_customer_get_order_count` / `…_total_spent(_query)` are not applied: they
 * act on one customer's cache value or SQL, which a grouped page query has no place for.
 *
 * Where `db index` keeps per-status totals (the customers lookup), customers whose totals are current are read from
 * them — a row or two per customer instead of every order — and only the others from the orders.
 */
export function createOrderStatsSource(db: Db, options: OptionsApi, hooks: Hooks): OrderStatsSource {
  const readTotals = readWhenPresent(readOrderTotals, (_db, _storage, ids) => ({ rows: [], missing: [...ids] }));
  return {
    async statsFor(customerIds) {
      const ids = [...new Set(customerIds.filter((id) => Number.isInteger(id) && id > 0))];
      if (ids.length === 0) return new Map();
      const [storage, statuses, clock] = await Promise.all([
        activeOrderStorage(options),
        orderStatusLists(hooks),
        siteClockFromOptions(options),
      ]);
      if ([...statuses.listed, ...statuses.paid].length === 0) return new Map();
      const { rows, missing } = await readTotals(db, storage, ids, statuses, clock);
      const kept = combineOrderStats(rows);
      if (missing.length === 0) return kept;
      const read =
        storage === 'hpos'
          ? await hposOrderStats(db, missing, statuses, clock)
          : await postsOrderStats(db, missing, statuses, clock);
      for (const [id, stats] of read) kept.set(id, stats);
      return kept;
    },
  };
}
