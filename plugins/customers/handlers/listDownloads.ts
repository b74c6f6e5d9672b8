import type { RestRequest } from '../../../src/rest/RestRequest';
import { RestResponse } from '../../../src/rest/RestResponse';
import { createSiteClock } from '../../../src/wp/siteTime';
import type { CustomersModule } from '../module';
import { availableDownloads } from '../orders/availableDownloads';
import { optionText } from '../../../src/wp/optionText';

/**
 * GET /customers/<customer_id>/downloads (WC_REST_Customer_Downloads controllers): the available downloads in the
 * version's shape — "unlimited" and "never" for the empty values — each through
 * `woocommerce_rest_prepare_customer_download`, with no pagination headers.
 */
export async function listDownloads(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  const customerId = Number(request.param('customer_id'));
  const homeUrl = await module.homeUrl();
  const [downloads, timezoneString, gmtOffset] = await Promise.all([
    availableDownloads({ db: module.store.db, hooks: module.hooks, options: module.options, homeUrl }, customerId),
    module.options.get('timezone_string', ''),
    module.options.get('gmt_offset', '0'),
  ]);
  const clock = createSiteClock({ timezoneString: optionText(timezoneString), gmtOffset: Number(gmtOffset) || 0 });
  const namespace = module.version.namespace;
  const items = [];
  for (const download of downloads) {
    const values: Record<string, unknown> = {
      ...download,
      downloads_remaining: download.downloads_remaining === '' ? 'unlimited' : download.downloads_remaining,
      // The stored value is site time: shown as is, and converted for the _gmt twin.
      access_expires: download.access_expires ? download.access_expires.replace(' ', 'T') : 'never',
      access_expires_gmt: download.access_expires
        ? (clock.siteMysqlToUtcIso(download.access_expires) ?? 'never')
        : 'never',
    };
    const data: Record<string, unknown> = {};
    for (const name of module.version.downloadFields) data[name] = values[name];
    const response = new RestResponse(data);
    response.addLink('collection', request.restUrl(`/${namespace}/customers/${customerId}/downloads`));
    response.addLink('product', request.restUrl(`/${namespace}/products/${download.product_id}`));
    response.addLink('order', request.restUrl(`/${namespace}/orders/${download.order_id}`));
    const filtered = await module.hooks.applyFilters(
      'woocommerce_rest_prepare_customer_download',
      response,
      download,
      request,
    );
    items.push(filtered.forCollection());
  }
  return new RestResponse(items);
}
