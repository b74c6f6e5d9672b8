import type { Db } from '../../src/db/types';
import { phpSerialize } from '../../src/wp/phpSerialize';

/** A downloadable file as WooCommerce stores it in `_downloadable_files`. */
export interface FixtureFile {
  id: string;
  name: string;
  file: string;
  enabled?: boolean;
}

/** A `posts` row (product or `shop_order`, in posts storage) with its meta; returns its id. */
export async function insertPost(
  db: Db,
  id: number,
  type: string,
  status: string,
  title: string,
  meta: Record<string, string>,
): Promise<number> {
  await db.execute(
    `INSERT INTO ${db.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count)
     VALUES (?, 1, '2024-03-01 10:00:00', '2024-03-01 10:00:00', '', ?, '', ?, '', ?, '', '', '2024-03-01 10:00:00', '2024-03-01 10:00:00', '', 0, '', 0, ?, '', 0)`,
    [id, title, status, title.toLowerCase().replace(/\s+/g, '-'), type],
  );
  for (const [key, value] of Object.entries(meta)) {
    await db.execute(`INSERT INTO ${db.table('postmeta')} (post_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
      id,
      key,
      value,
    ]);
  }
  return id;
}

/** A downloadable product with `files`. */
export function insertDownloadableProduct(
  db: Db,
  id: number,
  title: string,
  files: readonly FixtureFile[],
): Promise<number> {
  return insertPost(db, id, 'product', 'publish', title, {
    _downloadable: 'yes',
    _downloadable_files: phpSerialize(Object.fromEntries(files.map((file) => [file.id, { enabled: true, ...file }]))),
  });
}

/** A `woocommerce_downloadable_product_permissions` row: unlimited downloads, no expiry. */
export async function insertDownloadPermission(
  db: Db,
  row: { downloadId: string; productId: number; orderId: number; orderKey: string; userId: number; email: string },
): Promise<void> {
  await db.execute(
    `INSERT INTO ${db.table('woocommerce_downloadable_product_permissions')} (download_id, product_id, order_id, order_key, user_email, user_id, downloads_remaining, access_granted, access_expires, download_count)
     VALUES (?, ?, ?, ?, ?, ?, '', '2024-03-01 10:00:00', NULL, 0)`,
    [row.downloadId, row.productId, row.orderId, row.orderKey, row.email, row.userId],
  );
}
