import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import type { Row } from '../../../src/db/rows';
import type { WcDownloadPermission } from '../tables/WcDownloadPermission';

/** A `woocommerce_downloadable_product_permissions` row, as WooCommerce reads it (ids as numbers; see the entity). */
export type DownloadPermission = Row<WcDownloadPermission>;

type PermissionRow = { [K in keyof DownloadPermission]: unknown };

/**
 * wc_get_customer_download_permissions: WC_Customer_Download_Data_Store::get_downloads_for_customer (the customer's
 * rows of real orders with downloads left and access not expired before today, site time), then the
 * `woocommerce_permission_list` filter.
 */
export async function customerDownloadPermissions(
  db: Db,
  hooks: Hooks,
  customerId: number,
  todaySite: string,
): Promise<DownloadPermission[]> {
  // MySQL compares the varchar with 0 as a number; SQLite would compare it as text, so it casts.
  const remaining =
    db.dialect === 'mysql' ? 'permissions.downloads_remaining' : 'CAST(permissions.downloads_remaining AS REAL)';
  const rows = await db.query<PermissionRow>(
    `SELECT * FROM ${db.table('woocommerce_downloadable_product_permissions')} AS permissions
      WHERE user_id = ?
        AND permissions.order_id > 0
        AND (${remaining} > 0 OR permissions.downloads_remaining = '')
        AND (permissions.access_expires IS NULL OR permissions.access_expires >= ?
             OR permissions.access_expires = '0000-00-00 00:00:00')
      ORDER BY permissions.order_id, permissions.product_id, permissions.permission_id`,
    [customerId, todaySite],
  );
  const permissions = rows.map(toPermission);
  const filtered: unknown = await hooks.applyFilters('woocommerce_permission_list', permissions, customerId);
  return Array.isArray(filtered) ? (filtered as DownloadPermission[]) : [];
}

function toPermission(row: PermissionRow): DownloadPermission {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    permission_id: Number(row.permission_id),
    download_id: String(row.download_id),
    product_id: Number(row.product_id),
    order_id: Number(row.order_id),
    order_key: String(row.order_key),
    user_email: String(row.user_email),
    user_id: row.user_id === null ? null : Number(row.user_id),
    downloads_remaining: text(row.downloads_remaining),
    access_granted: String(row.access_granted),
    access_expires: text(row.access_expires),
    download_count: Number(row.download_count),
  };
}
