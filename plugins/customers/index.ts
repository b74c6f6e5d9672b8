/**
 * The customers module: WooCommerce's customers REST API over the WordPress user tables.
 * Everything it does runs through hooks named as WooCommerce names them (see ./hooks.ts and README.md).
 */
import { definePlugin } from '../../src/host/definePlugin';
import { CustomerStore } from './store/customerStore';
import { CustomerPermissions } from './permissions';
import { CustomersModule } from './module';
import { registerCustomerRoutes } from './routes';
import { createOrderStatsSource } from './orders/orderStatsSource';
import { registerGuestOrdersOnDeletedUser } from './orders/guestOrdersOnDeletedUser';
import { CUSTOMERS_API_VERSIONS } from './versions';
import { CustomerLookup } from './lookup/customerLookup';
import { keptUsersFromSnapshots } from './lookup/readUserSnapshots';
import { PreparedCustomers } from './preparedCustomers';
import { createUserFinder } from './store/userQuery/findUsers';
import { customersTables } from './tables';
import { WOOCOMMERCE_CORE_PLUGIN } from '../woocommerce-core';
import { optionText } from '../../src/wp/optionText';

// The package's `wc-host/customers` export: what a plugin hooking the customers API needs. Importing it also loads
// the `declare module 'wc-host'` of ./hooks.ts, which adds this plugin's hooks to the hook map.
export { CUSTOMER_HOOKS, RegistrationErrors } from './hooks';
export type {
  NewCustomerData,
  UpdateUserArgs,
  CustomerHookName,
  CustomerHookPayloads,
  CustomerNameArgs,
} from './hooks';
export type { Customer } from './model/Customer';
export type { WpUser, MetaRow } from './model/WpUser';
export { WcDownloadPermission } from './tables/WcDownloadPermission';
export { WcOrder } from './tables/WcOrder';
export { WcOrderAddress } from './tables/WcOrderAddress';
export { WcOrderMeta } from './tables/WcOrderMeta';
export { WcOrderOperationalData } from './tables/WcOrderOperationalData';
export { WcProductDownloadDirectory } from './tables/WcProductDownloadDirectory';
export type { UserQueryArgs } from './store/userQuery/userQueryArgs';
export type { AvailableDownload } from './orders/availableDownloads';
export type { DownloadPermission } from './orders/downloadPermissions';
export type { DownloadOrder } from './orders/downloadOrders';
export type { DownloadProduct, ProductFile } from './orders/downloadProducts';
export { RestError } from '../../src/rest/RestError';

export default definePlugin({
  name: 'woocommerce/customers',
  // Deleting a customer deletes their API keys, as WooCommerce does.
  requires: [WOOCOMMERCE_CORE_PLUGIN],
  tables: customersTables,
  register(host) {
    const store = new CustomerStore(host.db, host.hooks, host.options, keptUsersFromSnapshots(host.db));
    const permissions = new CustomerPermissions(store, host.hooks);
    const orderStats = createOrderStatsSource(host.db, host.options, host.hooks);
    registerGuestOrdersOnDeletedUser(host.hooks, host.db, host.options);
    const homeUrl = async () =>
      (host.config.homeUrl ?? optionText(await host.options.get('home', ''))).replace(/\/+$/, '');
    const lookup = new CustomerLookup(host.db, host.logger);
    host.dbIndexes.register(lookup);
    // A bulk import since the last start left many users marked: read them in now, in the background.
    lookup
      .start()
      .catch((error: unknown) => host.logger.warn('Could not check the customers lookup', { error: String(error) }));
    const findUsers = createUserFinder(host.db, lookup);
    // About 10 KB a customer (the item and its JSON): 2,000 keep the hot pages and a walk's next pages at hand.
    const cache = { lookup, prepared: new PreparedCustomers(2000) };
    for (const version of CUSTOMERS_API_VERSIONS) {
      const module = new CustomersModule(
        version,
        host.hooks,
        host.options,
        store,
        permissions,
        orderStats,
        homeUrl,
        findUsers,
        cache,
      );
      registerCustomerRoutes(host.rest, module);
    }
  },
});
