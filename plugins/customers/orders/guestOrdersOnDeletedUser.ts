import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import type { OptionsApi } from '../../../src/host/types';
import { nowUtcMysql } from '../../../src/wp/siteTime';
import { CUSTOMER_HOOKS } from '../hooks';
import { activeOrderStorage, orderSyncEnabled } from './orderStorage';

/**
 * wc_reset_order_customer_id_on_deleted_user: a deleted user's orders become guest orders. Under HPOS `wc_orders`
 * gets customer_id 0 (and a new date_updated_gmt); the posts-side `_customer_user` meta is reset when posts are
 * authoritative, or when HPOS keeps them in sync. (WooCommerce also requires no pending sync there; with pending
 * orders its synchronizer copies customer_id 0 over later, which ends in the same rows.)
 */
export async function resetOrderCustomerOnDeletedUser(
  db: Db,
  options: Pick<OptionsApi, 'get'>,
  userId: number,
): Promise<void> {
  const storage = await activeOrderStorage(options);
  if (storage === 'hpos') {
    await db.execute(
      `UPDATE ${db.table('wc_orders')} SET customer_id = 0, date_updated_gmt = ? WHERE customer_id = ?`,
      [nowUtcMysql(), userId],
    );
  }
  if (storage === 'posts' || (await orderSyncEnabled(options))) {
    await db.execute(
      `UPDATE ${db.table('postmeta')} SET meta_value = '0' WHERE meta_key = '_customer_user' AND meta_value = ?`,
      [String(userId)],
    );
  }
}

/** Registers the reset on WordPress's `deleted_user`, which the customer store fires inside its delete transaction. */
export function registerGuestOrdersOnDeletedUser(hooks: Hooks, db: Db, options: Pick<OptionsApi, 'get'>): void {
  hooks.addAction(CUSTOMER_HOOKS.wpDeletedUser, 'woocommerce/customers', async (userId: unknown) => {
    await resetOrderCustomerOnDeletedUser(db, options, Number(userId));
  });
}
