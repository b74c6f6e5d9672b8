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
import { deepFreeze } from '../../src/cache/deepFreeze';
import { phpJsonEncode } from '../../src/rest/json/encode';
import { rememberEncoding } from '../../src/rest/json/preEncoded';
import type { CustomerLookup } from './lookup/customerLookup';
import { activeOrderStorage } from './orders/orderStorage';
import { orderStatusLists } from './orders/orderStatuses';
import type { PreparedCustomers } from './preparedCustomers';

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
    /** Where users' versions come from (its triggers), and the items already made for them. */
    private readonly cache: { lookup: Pick<CustomerLookup, 'versionsOf'>; prepared: PreparedCustomers },
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

  /**
   * A list page's items in the order of `ids` (unknown ids left out), each as the collection shows it. Items already
   * made for a user's current version are reused — with their JSON — unless a plugin hooks a filter that sees or
   * changes them (then every item is made afresh, exactly as without the cache).
   */
  async collection(ids: readonly number[], request: RestRequest): Promise<unknown[]> {
    const versions = this.reusable() ? await this.cache.lookup.versionsOf(ids, await activeOrderStorage(this.options)) : null;
    if (!versions) return (await this.prepare(await this.store.loadUsers(ids), request)).map((response) => response.forCollection());
    const variant = await this.variant(request);
    const items = new Map<number, object>();
    for (const id of ids) {
      const item = this.cache.prepared.get(id, versions.get(id) ?? 0, variant);
      if (item) items.set(id, item);
    }
    const missing = ids.filter((id) => !items.has(id));
    if (missing.length > 0) {
      const users = await this.store.loadUsers(missing);
      const responses = await this.prepare(users, request);
      responses.forEach((response, index) => {
        const id = users[index].ID;
        const item = deepFreeze(response.forCollection() as object);
        rememberEncoding(item, phpJsonEncode(item));
        this.cache.prepared.set(id, versions.get(id) ?? 0, variant, item);
        items.set(id, item);
      });
    }
    return ids.flatMap((id) => items.get(id) ?? []);
  }

  /** No plugin filters a customer item or a response holding it. */
  private reusable(): boolean {
    return !['woocommerce_rest_prepare_customer', 'woocommerce_rest_customer_schema', 'rest_request_after_callbacks', 'rest_post_dispatch'].some(
      (hook) => this.hooks.hasFilter(hook),
    );
  }

  /** Everything besides the user that shapes an item: two requests with the same variant get the same bytes. */
  private async variant(request: RestRequest): Promise<string> {
    const [timezone, gmtOffset, avatarDefault, avatarRating, storage, statuses, roles] = await Promise.all([
      this.options.get('timezone_string', ''),
      this.options.get('gmt_offset', '0'),
      this.options.get('avatar_default', 'mystery'),
      this.options.get('avatar_rating', 'G'),
      activeOrderStorage(this.options),
      orderStatusLists(this.hooks),
      this.store.roles(),
    ]);
    return JSON.stringify([
      this.version.name,
      String(request.param('context') || 'view'),
      request.user?.roles.includes('administrator') ?? false,
      request.restUrl('/'),
      timezone,
      gmtOffset,
      avatarDefault,
      avatarRating,
      storage,
      statuses,
      rolesFingerprint(roles),
    ]);
  }

  async prepareOne(user: WpUser, request: RestRequest): Promise<RestResponse<Record<string, unknown>>> {
    const [response] = await this.prepare([user], request);
    return response;
  }
}

/** The roles option as text, once per stored value (the options API hands back the same frozen object meanwhile). */
const fingerprints = new WeakMap<object, string>();
function rolesFingerprint(roles: object): string {
  let fingerprint = fingerprints.get(roles);
  if (fingerprint === undefined) fingerprints.set(roles, (fingerprint = JSON.stringify(roles)));
  return fingerprint;
}
