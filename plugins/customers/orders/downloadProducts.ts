import type { Db } from '../../../src/db/types';
import { maybeUnserialize } from '../../../src/wp/phpSerialize';
import { inList } from '../../../src/db/boundList';

/** One downloadable file of a product (WC_Product_Download). */
export interface ProductFile {
  id: string;
  name: string;
  file: string;
  enabled: boolean;
}

/** What the downloads list needs of a product or variation. */
export interface DownloadProduct {
  id: number;
  name: string;
  status: string;
  slug: string;
  downloadable: boolean;
  /** `_downloadable_files`, keyed by download id. */
  files: Map<string, ProductFile>;
}

interface ProductRow {
  ID: number | string;
  post_title: string;
  post_status: string;
  post_name: string;
  meta_key: string | null;
  meta_value: string | null;
}

/**
 * The products (and variations) among `productIds` with their `_downloadable` flag and `_downloadable_files`
 * (PHP-serialized as WooCommerce writes it: download id ⇒ {id, name, file, enabled?}). One query.
 */
export async function loadDownloadProducts(
  db: Db,
  productIds: readonly number[],
): Promise<Map<number, DownloadProduct>> {
  const products = new Map<number, DownloadProduct>();
  if (productIds.length === 0) return products;
  const listed = inList(db.dialect, 'posts.ID', productIds);
  const rows = await db.query<ProductRow>(
    `SELECT posts.ID, posts.post_title, posts.post_status, posts.post_name, meta.meta_key, meta.meta_value
       FROM ${db.table('posts')} AS posts
       LEFT JOIN ${db.table('postmeta')} AS meta ON meta.post_id = posts.ID AND meta.meta_key IN ('_downloadable', '_downloadable_files')
      WHERE ${listed.sql} AND posts.post_type IN ('product', 'product_variation')
      ORDER BY posts.ID, meta.meta_id`,
    listed.params,
  );
  const seenKeys = new Set<string>();
  for (const row of rows) {
    const id = Number(row.ID);
    let product = products.get(id);
    if (!product) {
      product = {
        id,
        name: row.post_title,
        status: row.post_status,
        slug: row.post_name,
        downloadable: false,
        files: new Map(),
      };
      products.set(id, product);
    }
    // get_post_meta(…, true): the first row of each key counts.
    const seenKey = `${id}:${row.meta_key}`;
    if (row.meta_key === null || seenKeys.has(seenKey)) continue;
    seenKeys.add(seenKey);
    // wc_string_to_bool
    if (row.meta_key === '_downloadable')
      product.downloadable = ['yes', '1', 'true'].includes(String(row.meta_value ?? '').toLowerCase());
    if (row.meta_key === '_downloadable_files') product.files = parseFiles(maybeUnserialize(row.meta_value ?? ''));
  }
  return products;
}

function parseFiles(value: unknown): Map<string, ProductFile> {
  const files = new Map<string, ProductFile>();
  if (value === null || typeof value !== 'object') return files;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (raw === null || typeof raw !== 'object') continue;
    const entry = raw as Record<string, unknown>;
    const id = typeof entry.id === 'string' && entry.id !== '' ? entry.id : key;
    // Files saved before WooCommerce 6.6 have no `enabled` flag: they are enabled.
    const enabled =
      entry.enabled === undefined
        ? true
        : entry.enabled === true || entry.enabled === 1 || entry.enabled === '1' || entry.enabled === 'yes';
    const file = String(entry.file ?? '');
    // WC_Product_Download::get_name falls back to the file's base name.
    const name = String(entry.name ?? '') || (file.split('?')[0].split('/').pop() ?? '');
    files.set(key, { id, name, file, enabled });
  }
  return files;
}
