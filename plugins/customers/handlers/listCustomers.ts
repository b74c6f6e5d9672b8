import type { RestRequest } from '../../../src/rest/RestRequest';
import { RestResponse } from '../../../src/rest/RestResponse';
import { setPaginationHeaders } from '../../../src/rest';
import { CUSTOMER_HOOKS } from '../hooks';
import type { CustomersModule } from '../module';
import type { UserQueryArgs } from '../store/userQuery/userQueryArgs';

const ORDERBY: Record<string, string> = {
  id: 'ID',
  include: 'include',
  name: 'display_name',
  registered_date: 'registered',
};

/** GET /customers (get_items): WP_User_Query arguments, the query filter, one page, totals and Link headers. */
export async function listCustomers(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  const perPage = Number(request.param('per_page'));
  const offset = Number(request.param('offset') ?? 0);
  const args: UserQueryArgs = {
    exclude: request.param('exclude') as number[],
    include: request.param('include') as number[],
    order: String(request.param('order')),
    number: perPage,
    offset: offset ? offset : (Number(request.param('page')) - 1) * perPage,
    orderby: ORDERBY[String(request.param('orderby'))],
    search: String(request.param('search') ?? ''),
  };
  if (args.search) args.search = `*${args.search}*`;
  const email = request.param('email');
  if (email) {
    args.search = String(email);
    args.search_columns = ['user_email'];
  }
  const role = request.param('role');
  if (role !== 'all') args.role = String(role);

  const filtered = await module.hooks.applyFilters(CUSTOMER_HOOKS.restCustomerQuery, args, request);
  const { ids, total, next } = await module.findUsers(filtered);
  const items = await module.collection(ids, request);
  for (const page of next ?? []) void module.prefetch(page, request);

  const response = new RestResponse(items);
  const pageSize = Number(filtered.number) || perPage;
  setPaginationHeaders(response, {
    total,
    perPage: pageSize,
    page: Math.ceil((Number(filtered.offset) || 0) / pageSize + 1),
    request,
    route: `/${module.version.namespace}/customers`,
  });
  return response;
}
