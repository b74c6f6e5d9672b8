import { paginationLinks } from './paginationLinks';
import type { RestRequest } from './RestRequest';
import type { RestResponse } from './RestResponse';

export interface PaginationInfo {
  /** Items matching the query, ignoring the page. */
  total: number;
  perPage: number;
  /** The page served (1-based). */
  page: number;
  request: RestRequest;
  /** The collection route, e.g. `/wc/v2/customers`. */
  route: string;
}

/**
 * The collection headers WooCommerce's get_items sends: `X-WP-Total`, `X-WP-TotalPages` (0 for no items), and one
 * `Link` with `rel="prev"` (clamped to the last page, so a page past the end still links back) and `rel="next"`.
 * Link URLs are the route plus the request's own query parameters with `page` set, built with add_query_arg as
 * WordPress does (values end up urlencoded, `page` replaced in place or appended).
 */
export function setPaginationHeaders(
  response: RestResponse,
  { total, perPage, page, request, route }: PaginationInfo,
): void {
  const totalPages = perPage > 0 ? Math.ceil(total / perPage) : 0;
  response.header('X-WP-Total', String(Math.trunc(total)));
  response.header('X-WP-TotalPages', String(totalPages));

  // Built only for a page that links anywhere: most answers (one page of ids, a lookup by email) link nowhere.
  if (page <= 1 && totalPages <= page) return;
  const link = paginationLinks(request.query, request.restUrl(route));
  if (page > 1) addLink(response, 'prev', link(Math.min(page - 1, totalPages)));
  if (totalPages > page) addLink(response, 'next', link(page + 1));
}

/** WP_REST_Response::link_header: relations share one `Link` header, joined with ", ". */
function addLink(response: RestResponse, rel: string, url: string): void {
  const link = `<${url}>; rel="${rel}"`;
  const existing = response.headers.Link;
  response.header('Link', existing ? `${existing}, ${link}` : link);
}
