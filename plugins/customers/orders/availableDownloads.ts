import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import type { OptionsApi } from '../../../src/host/types';
import { siteClockFromOptions } from '../../../src/wp/siteTime';
import { customerDownloadPermissions } from './downloadPermissions';
import { loadDownloadOrders } from './downloadOrders';
import { loadDownloadProducts } from './downloadProducts';
import { activeOrderStorage } from './orderStorage';
import { rawUrlEncode } from '../../../src/auth/oauth1/phpUrlEncoding';

/** One entry of wc_get_customer_available_downloads(). */
export interface AvailableDownload {
  download_url: string;
  download_id: string;
  product_id: number;
  product_name: string;
  product_url: string;
  download_name: string;
  order_id: number;
  order_key: string;
  /** As stored: '' means unlimited. */
  downloads_remaining: string;
  /** Site-time `Y-m-d H:i:s`, or null for no expiry. */
  access_expires: string | null;
  file: { name: string; file: string };
}

/**
 * wc_get_customer_available_downloads: the customer's download permissions, minus those whose order is gone or
 * does not permit downloads (completed, or processing when access is granted after payment), whose product is gone
 * or no longer has the file, or whose file is disabled — then the `woocommerce_customer_available_downloads` filter.
 * Three or four queries, however many downloads.
 */
export async function availableDownloads(
  deps: { db: Db; hooks: Hooks; options: OptionsApi; homeUrl: string },
  customerId: number,
): Promise<AvailableDownload[]> {
  const { db, hooks, options } = deps;
  const clock = await siteClockFromOptions(options);
  const today = clock.nowSiteMysql().slice(0, 10);
  const permissions = await customerDownloadPermissions(db, hooks, customerId, today);
  const [storage, grantAfterPayment] = await Promise.all([
    activeOrderStorage(options),
    options.get('woocommerce_downloads_grant_access_after_payment', 'yes'),
  ]);
  const [orders, products] = await Promise.all([
    loadDownloadOrders(db, storage, [...new Set(permissions.map((p) => p.order_id))]),
    loadDownloadProducts(db, [...new Set(permissions.map((p) => p.product_id))]),
  ]);

  const downloads: AvailableDownload[] = [];
  let fileNumber = 0;
  let previous: { orderId: number; productId: number } | null = null;
  for (const permission of permissions) {
    // WooCommerce numbers the files of one product in one order (for the download name filter).
    if (previous && (previous.orderId !== permission.order_id || previous.productId !== permission.product_id))
      fileNumber = 0;
    previous = { orderId: permission.order_id, productId: permission.product_id };
    const order = orders.get(permission.order_id);
    if (!order) continue;
    const permitted = await hooks.applyFilters(
      'woocommerce_order_is_download_permitted',
      order.status === 'wc-completed' || (grantAfterPayment === 'yes' && order.status === 'wc-processing'),
      order,
    );
    if (!permitted) continue;
    const product = products.get(permission.product_id);
    const file = product?.downloadable ? product.files.get(permission.download_id) : undefined;
    if (!product || !file || !file.enabled) continue;
    const downloadName = String(
      await hooks.applyFilters(
        'woocommerce_downloadable_product_name',
        file.name,
        product,
        permission.download_id,
        fileNumber,
      ),
    );
    // add_query_arg leaves the values as given; only the email is rawurlencoded first.
    const query = [
      `download_file=${product.id}`,
      `order=${permission.order_key}`,
      `email=${rawUrlEncode(permission.user_email)}`,
      `key=${permission.download_id}`,
    ].join('&');
    downloads.push({
      download_url: `${deps.homeUrl}/?${query}`,
      download_id: permission.download_id,
      product_id: product.id,
      product_name: product.name,
      // Visible (published) products link to their page; without pretty permalinks WordPress writes ?product=slug.
      product_url: product.status === 'publish' ? `${deps.homeUrl}/?product=${encodeURIComponent(product.slug)}` : '',
      download_name: downloadName,
      order_id: order.id,
      order_key: order.orderKey,
      downloads_remaining: permission.downloads_remaining ?? '',
      access_expires:
        permission.access_expires && !permission.access_expires.startsWith('0000') ? permission.access_expires : null,
      file: { name: file.name, file: file.file },
    });
    fileNumber++;
  }
  const filtered: unknown = await hooks.applyFilters('woocommerce_customer_available_downloads', downloads, customerId);
  return Array.isArray(filtered) ? (filtered as AvailableDownload[]) : [];
}
