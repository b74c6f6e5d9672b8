import type { Hooks } from '../../src/hooks/types';
import type { OptionsApi } from '../../src/host/types';
import type { RestRequest } from '../../src/rest/RestRequest';
import { RestResponse } from '../../src/rest/RestResponse';
import type { JsonSchema } from '../../src/rest/types';
import { filterResponseByContext } from '../../src/rest';
import { contextDroppedKeys } from '../../src/rest/contextDroppedKeys';
import { avatarUrl } from '../../src/wp/avatarUrl';
import { createSiteClock, type SiteClock } from '../../src/wp/siteTime';
import { CUSTOMER_HOOKS } from './hooks';
import type { Customer } from './model/Customer';
import { isProtectedMetaKey } from './model/metaVisibility';
import type { WpUser } from './model/WpUser';
import { NO_ORDERS, type CustomerOrderStats, type OrderStatsSource } from './orderStats';
import type { CustomersApiVersion } from './versions';
import { optionText } from '../../src/wp/optionText';

/** What serializing customers needs that is the same for every customer of a response (read once per page). */
export interface PrepareContext {
  version: CustomersApiVersion;
  clock: SiteClock;
  avatarDefault: string;
  avatarRating: string;
  stats: Map<number, CustomerOrderStats>;
  /** meta_data only for administrators (WooCommerce 7.3+; docs/woocommerce-behaviour.md#meta_data). */
  requesterIsAdmin: boolean;
  schema: JsonSchema;
  /** The request's context (`view` unless asked). */
  context: string;
  /** What filtering by that context removes, when that is all it does (null: filter each item). */
  droppedByContext: string[] | null;
}

export async function createPrepareContext(
  deps: { options: OptionsApi; orderStats: OrderStatsSource },
  version: CustomersApiVersion,
  request: RestRequest,
  schema: JsonSchema,
  customerIds: readonly number[],
): Promise<PrepareContext> {
  const [timezoneString, gmtOffset, avatarDefault, avatarRating, stats] = await Promise.all([
    deps.options.get('timezone_string', ''),
    deps.options.get('gmt_offset', '0'),
    deps.options.get('avatar_default', 'mystery'),
    deps.options.get('avatar_rating', 'G'),
    version.hasOrderTotals
      ? deps.orderStats.statsFor(customerIds)
      : Promise.resolve(new Map<number, CustomerOrderStats>()),
  ]);
  const context = String(request.param('context') || 'view');
  return {
    version,
    clock: createSiteClock({ timezoneString: optionText(timezoneString), gmtOffset: Number(gmtOffset) || 0 }),
    avatarDefault: optionText(avatarDefault) || 'mystery',
    avatarRating: optionText(avatarRating) || 'G',
    stats,
    requesterIsAdmin: request.user?.roles.includes('administrator') ?? false,
    schema,
    context,
    // Reading the schema costs about what filtering one item does: worth it for a page, not for one customer.
    droppedByContext: customerIds.length > 1 ? contextDroppedKeys(schema, context) : null,
  };
}

/** The customer's JSON before context filtering (get_formatted_item_data / prepare_item_for_response). */
export function formatCustomer(customer: Customer, ctx: PrepareContext): Record<string, unknown> {
  const { clock } = ctx;
  const registered = customer.dateCreated && !customer.dateCreated.startsWith('0000') ? customer.dateCreated : null;
  const modified = customer.dateModified;
  const stats = ctx.stats.get(customer.id) ?? NO_ORDERS;
  // Object literals whole (no spread of a common part): one built property by property grows its backing store
  // again and again, a visible share of what a page of customers allocates.
  if (ctx.version.name === 'v1') {
    return {
      id: customer.id,
      // WooCommerce v1 reads the UTC user_registered as site time and never converts back (its known offset quirk).
      date_created: registered ? clock.utcMysqlReadAsSiteToUtcIso(registered) : null,
      date_modified: modified !== null ? clock.unixToUtcIso(modified) : null,
      email: customer.get('email'),
      first_name: customer.get('first_name'),
      last_name: customer.get('last_name'),
      username: customer.get('username'),
      last_order: { id: stats.lastOrder?.id ?? null, date: stats.lastOrder?.dateGmt ?? null },
      orders_count: stats.ordersCount,
      total_spent: stats.totalSpent,
      avatar_url: avatarUrl(customer.get('email'), {
        avatarDefault: ctx.avatarDefault,
        avatarRating: ctx.avatarRating,
      }),
      billing: customer.getAddress('billing'),
      shipping: customer.getAddress('shipping'),
    };
  }
  const data: Record<string, unknown> = {
    id: customer.id,
    date_created: registered ? clock.utcMysqlToSiteIso(registered) : null,
    date_created_gmt: registered ? clock.utcMysqlToUtcIso(registered) : null,
    date_modified: modified !== null ? clock.unixToSiteIso(modified) : null,
    date_modified_gmt: modified !== null ? clock.unixToUtcIso(modified) : null,
    email: customer.get('email'),
    first_name: customer.get('first_name'),
    last_name: customer.get('last_name'),
    role: customer.get('role'),
    username: customer.get('username'),
    billing: customer.getAddress('billing'),
    shipping: customer.getAddress('shipping'),
    is_paying_customer: customer.get('is_paying_customer'),
    avatar_url: avatarUrl(customer.get('email'), { avatarDefault: ctx.avatarDefault, avatarRating: ctx.avatarRating }),
  };
  if (ctx.requesterIsAdmin) {
    data.meta_data = customer.meta
      .filter((meta) => !isProtectedMetaKey(meta.key))
      .map((meta) => ({ id: meta.id, key: meta.key, value: meta.value }));
  }
  if (ctx.version.hasOrderTotals) {
    data.orders_count = stats.ordersCount;
    data.total_spent = stats.totalSpent;
  }
  return data;
}

/**
 * prepare_item_for_response: formatted data, filtered by context, with `_links`, through the
 * `woocommerce_rest_prepare_customer` filter.
 */
export async function prepareCustomerResponse(
  hooks: Hooks,
  user: WpUser,
  customer: Customer,
  request: RestRequest,
  ctx: PrepareContext,
): Promise<RestResponse<Record<string, unknown>>> {
  const formatted = formatCustomer(customer, ctx);
  // A fresh object holding nothing the context removes needs no filtered copy (contextDroppedKeys).
  const data = ctx.droppedByContext?.every((key) => !Object.hasOwn(formatted, key))
    ? formatted
    : (filterResponseByContext(formatted, ctx.schema, ctx.context) as Record<string, unknown>);
  const response = new RestResponse<Record<string, unknown>>(data);
  response.addLink('self', request.restUrl(`/${ctx.version.namespace}/customers/${customer.id}`));
  response.addLink('collection', request.restUrl(`/${ctx.version.namespace}/customers`));
  return hooks.applyFilters(CUSTOMER_HOOKS.restPrepareCustomer, response, user, request);
}
