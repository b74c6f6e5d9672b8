import type { Hooks } from '../../src/hooks/types';
import type { OptionsApi } from '../../src/host/types';
import type { RestRequest } from '../../src/rest/RestRequest';
import { RestResponse } from '../../src/rest/RestResponse';
import type { JsonSchema } from '../../src/rest/types';
import { CUSTOMER_HOOKS } from './hooks';
import type { OrderStatsSource } from './orderStats';
import type { CustomerPermissions } from './permissions';
import { createPrepareContext, prepareCustomerResponse, type PrepareContext } from './prepare';
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
    const properties = await this.hooks.applyFilters(
      CUSTOMER_HOOKS.restCustomerSchema,
      customerItemProperties(this.version),
    );
    return wrapItemSchema(properties);
  }

  /** Serializes users (one page or one customer) with the page-wide reads done once. */
  async prepare(users: readonly WpUser[], request: RestRequest): Promise<Array<RestResponse<Record<string, unknown>>>> {
    return this.prepareWith(
      users,
      request,
      await this.prepareContext(
        request,
        users.map((user) => user.ID),
      ),
    );
  }

  /** The page-wide reads (order figures, site clock, avatar options) for these users' ids. */
  private async prepareContext(request: RestRequest, userIds: readonly number[]): Promise<PrepareContext> {
    return createPrepareContext(
      { options: this.options, orderStats: this.orderStats },
      this.version,
      request,
      await this.schema(),
      userIds,
    );
  }

  private async prepareWith(
    users: readonly WpUser[],
    request: RestRequest,
    ctx: PrepareContext,
  ): Promise<Array<RestResponse<Record<string, unknown>>>> {
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
    // A page is at most 100 customers; a filter asking for thousands at once gets them made, not kept. Nor are
    // customers nobody asked for before (a lookup by email, random includes): keeping costs a version read.
    const keep = this.reusable() && ids.length <= 1000 && this.worthKeeping(ids);
    const versions = keep ? await this.cache.lookup.versionsOf(ids, await activeOrderStorage(this.options)) : null;
    if (!versions)
      return (await this.makeResponses(ids, request)).responses.map((response) => response.forCollection());
    const items = await this.preparedItems(ids, versions, await this.variant(request), request);
    return items.filter((item): item is object => item !== null);
  }

  /**
   * Makes the items of a page the client will most likely ask for next (a walk through every page), so its
   * database reads overlap the client's handling of this one. Only when items can be reused; errors are dropped.
   * Customers that already have an item (or one being made), of whatever version, are left alone: each request of
   * a walk hands out the same pages ahead but one, and the request for a page checks its versions anyway — reading
   * them here too was three version reads a page for nothing.
   */
  async prefetch(ids: readonly number[], request: RestRequest): Promise<void> {
    if (ids.length === 0 || !this.reusable()) return;
    try {
      const variant = await this.variant(request);
      const unmade = ids.filter((id) => !this.cache.prepared.has(id, variant));
      if (unmade.length === 0) return;
      const versions = await this.cache.lookup.versionsOf(unmade, await activeOrderStorage(this.options));
      if (versions) await this.preparedItems(unmade, versions, variant, request);
    } catch {
      // Ahead of time only: the request for that page will make its items itself.
    }
  }

  /** Each id's item: reused, awaited while another request makes it, or made now (all the missing ones together). */
  private async preparedItems(
    ids: readonly number[],
    versions: Map<number, number>,
    variant: string,
    request: RestRequest,
  ) {
    const version = (id: number) => versions.get(id) ?? 0;
    const items = new Map(ids.map((id) => [id, this.cache.prepared.get(id, version(id), variant)]));
    const missing = ids.filter((id) => !items.get(id));
    if (missing.length > 0) {
      const made = this.makeItems(missing, request);
      for (const id of missing) {
        const item = made.then((byId) => byId.get(id) ?? null);
        this.cache.prepared.set(id, version(id), variant, item);
        items.set(id, item);
      }
    }
    return Promise.all(ids.map((id) => items.get(id) as Promise<object | null>));
  }

  /**
   * At least half of these users asked for before (each is noted as asked for). Not any one of them: of 20 random
   * ids among a million customers, one was asked for before in about a fifth of requests, and each of those paid a
   * version read and the freezing of 20 items nobody asks for again.
   */
  private worthKeeping(ids: readonly number[]): boolean {
    let worth = 0;
    for (const id of ids) if (this.cache.prepared.worthKeeping(id)) worth++;
    return worth > 0 && worth * 2 >= ids.length;
  }

  /**
   * The users' responses, in the order of `ids` (unknown ids left out): their rows and their order figures read side
   * by side (two long reads: two workers on SQLite). Figures read for an id that has no user are not used.
   */
  private async makeResponses(ids: readonly number[], request: RestRequest) {
    const [users, ctx] = await Promise.all([this.store.loadUsers(ids), this.prepareContext(request, ids)]);
    return { users, responses: await this.prepareWith(users, request, ctx) };
  }

  private async makeItems(ids: readonly number[], request: RestRequest): Promise<Map<number, object>> {
    const { users, responses } = await this.makeResponses(ids, request);
    return new Map(
      responses.map((response, index) => {
        const item = deepFreeze(response.forCollection() as object);
        rememberEncoding(item, phpJsonEncode(item));
        return [users[index].ID, item];
      }),
    );
  }

  /** No plugin filters a customer item or a response holding it. */
  private reusable(): boolean {
    return !(
      [
        'woocommerce_rest_prepare_customer',
        'woocommerce_rest_customer_schema',
        'rest_request_after_callbacks',
        'rest_post_dispatch',
      ] as const
    ).some((hook) => this.hooks.hasFilter(hook));
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

  /**
   * GET one customer: for a customer asked for before, the item made for the user's current version (as for a list:
   * a customer with hundreds of orders is not summed again until one of them changes); else made now from the user
   * the permission check loaded.
   */
  async one(user: WpUser, request: RestRequest): Promise<RestResponse> {
    if (!this.reusable() || !this.cache.prepared.worthKeeping(user.ID)) return this.prepareOne(user, request);
    const versions = await this.cache.lookup.versionsOf([user.ID], await activeOrderStorage(this.options));
    if (!versions) return this.prepareOne(user, request);
    const [item] = await this.preparedItems([user.ID], versions, await this.variant(request), request);
    // The item carries its `_links` already, as WP_REST_Server::response_to_data would add them.
    return item ? new RestResponse(item) : this.prepareOne(user, request);
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
