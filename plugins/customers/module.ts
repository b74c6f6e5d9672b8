import type { Hooks } from '../../src/hooks/types';
import type { OptionsApi } from '../../src/host/types';
import type { RestRequest } from '../../src/rest/RestRequest';
import type { RestResponse } from '../../src/rest/RestResponse';
import type { JsonSchema } from '../../src/rest/types';
import { CUSTOMER_HOOKS } from './hooks';
import type { OrderStatsSource } from './orderStats';
import type { CustomerPermissions } from './permissions';
import { createPrepareContext, prepareCustomerResponse } from './prepare';
import { customerItemProperties, wrapItemSchema } from './schema/itemSchema';
import type { CustomerStore } from './store/customerStore';
import type { WpUser } from './model/WpUser';
import type { CustomersApiVersion } from './versions';
import type { UserFinder } from './store/userQuery/findUsers';

/** Everything the handlers share; one per API version (the version only changes schema and shape). */
export class CustomersModule {
  constructor(
    readonly version: CustomersApiVersion,
    readonly hooks: Hooks,
    readonly options: OptionsApi,
    readonly store: CustomerStore,
    readonly permissions: CustomerPermissions,
    readonly orderStats: OrderStatsSource,
    /** The site's home URL (WC_HOST_HOME_URL, else the `home` option), for download links. */
    readonly homeUrl: () => Promise<string>,
    /** WP_User_Query for the list: the lookup's answer, else WordPress's own query. */
    readonly findUsers: UserFinder,
  ) {}

  /** The item schema after `woocommerce_rest_customer_schema` (add_additional_fields_schema). */
  async schema(): Promise<JsonSchema> {
    const properties = await this.hooks.applyFilters(CUSTOMER_HOOKS.restCustomerSchema, customerItemProperties(this.version));
    return wrapItemSchema(properties);
  }

  /** Serializes users (one page or one customer) with the page-wide reads done once. */
  async prepare(users: readonly WpUser[], request: RestRequest): Promise<Array<RestResponse<Record<string, unknown>>>> {
    const ctx = await createPrepareContext(
      { options: this.options, orderStats: this.orderStats },
      this.version,
      request,
      await this.schema(),
      users.map((user) => user.ID),
    );
    const responses = [];
    for (const user of users) {
      responses.push(await prepareCustomerResponse(this.hooks, user, this.store.customerFromUser(user), request, ctx));
    }
    return responses;
  }

  async prepareOne(user: WpUser, request: RestRequest): Promise<RestResponse<Record<string, unknown>>> {
    const [response] = await this.prepare([user], request);
    return response;
  }
}
