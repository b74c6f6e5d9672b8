/**
 * What the other WooCommerce plugins and the host's WooCommerce REST authentication (src/auth) share: the API-key
 * table. It is its own plugin, not part of woocommerce/customers, because authentication needs the keys whichever
 * WooCommerce endpoints are loaded; the host turns key authentication on when a plugin declares this table (see
 * src/auth/mapsApiKeys.ts). It registers nothing else.
 */
import { definePlugin } from '../../src/host/definePlugin';
import { woocommerceApiKeysTable } from './tables/woocommerceApiKeysTable';

export { WcApiKey } from './tables/WcApiKey';

export const WOOCOMMERCE_CORE_PLUGIN = 'woocommerce/core';

export default definePlugin({
  name: WOOCOMMERCE_CORE_PLUGIN,
  tables: [woocommerceApiKeysTable],
  register() {
    // Nothing to register: the plugin is its table.
  },
});
