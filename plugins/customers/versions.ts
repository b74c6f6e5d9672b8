/**
 * The API versions of the customers endpoints. One implementation serves them all; a version only decides the
 * schema and the shape of the JSON (docs/woocommerce-behaviour.md#api-versions, #downloads).
 */
export interface CustomersApiVersion {
  name: 'v1' | 'v2' | 'v3';
  namespace: string;
  /** v1/v2 answer orders_count and total_spent. */
  hasOrderTotals: boolean;
  /** v3's schema has shipping.phone, so only v3 can write it (v2 still outputs it). */
  shippingPhoneInSchema: boolean;
  /**
   * The keys of a customer download, in output order: v1 (WC_REST_Customer_Downloads_V1_Controller) casts the
   * download array, so it keeps `product_url` and has neither `product_name` nor `access_expires_gmt`; v2/v3 build
   * their own list.
   */
  downloadFields: readonly DownloadField[];
}

export type DownloadField =
  | 'download_id'
  | 'download_url'
  | 'product_id'
  | 'product_name'
  | 'product_url'
  | 'download_name'
  | 'order_id'
  | 'order_key'
  | 'downloads_remaining'
  | 'access_expires'
  | 'access_expires_gmt'
  | 'file';

const V1_DOWNLOAD_FIELDS: readonly DownloadField[] = [
  'download_url',
  'download_id',
  'product_id',
  'product_url',
  'download_name',
  'order_id',
  'order_key',
  'downloads_remaining',
  'access_expires',
  'file',
];

const V2_DOWNLOAD_FIELDS: readonly DownloadField[] = [
  'download_id',
  'download_url',
  'product_id',
  'product_name',
  'download_name',
  'order_id',
  'order_key',
  'downloads_remaining',
  'access_expires',
  'access_expires_gmt',
  'file',
];

export const V1: CustomersApiVersion = {
  name: 'v1',
  namespace: 'wc/v1',
  hasOrderTotals: true,
  shippingPhoneInSchema: false,
  downloadFields: V1_DOWNLOAD_FIELDS,
};

export const V2: CustomersApiVersion = {
  name: 'v2',
  namespace: 'wc/v2',
  hasOrderTotals: true,
  shippingPhoneInSchema: false,
  downloadFields: V2_DOWNLOAD_FIELDS,
};

export const V3: CustomersApiVersion = {
  name: 'v3',
  namespace: 'wc/v3',
  hasOrderTotals: false,
  shippingPhoneInSchema: true,
  downloadFields: V2_DOWNLOAD_FIELDS,
};

/** In WooCommerce's registration order (Server::get_rest_namespaces), which is the order of the `/wp-json/` index. */
export const CUSTOMERS_API_VERSIONS: readonly CustomersApiVersion[] = [V1, V2, V3];
