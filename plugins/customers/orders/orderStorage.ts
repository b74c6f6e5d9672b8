import type { OptionsApi } from '../../../src/host/types';

/** Where WooCommerce keeps a site's orders: the posts tables, or the HPOS tables (`wc_orders`…). */
export type OrderStorage = 'posts' | 'hpos';

/** OrderUtil::custom_orders_table_usage_is_enabled(): HPOS is authoritative when the option says `yes`. */
export async function activeOrderStorage(options: Pick<OptionsApi, 'get'>): Promise<OrderStorage> {
  return (await options.get('woocommerce_custom_orders_table_enabled', 'no')) === 'yes' ? 'hpos' : 'posts';
}

/** DataSynchronizer::data_sync_is_enabled(): WooCommerce keeps the other storage's copy of each order up to date. */
export async function orderSyncEnabled(options: Pick<OptionsApi, 'get'>): Promise<boolean> {
  return (await options.get('woocommerce_custom_orders_table_data_sync_enabled', 'no')) === 'yes';
}
