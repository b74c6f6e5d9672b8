import type { DataSource } from 'typeorm';

/** The unprefixed name of WooCommerce's API-key table, which the woocommerce/core plugin owns. */
export const API_KEYS_TABLE = 'woocommerce_api_keys';

/**
 * Whether a loaded plugin declares WooCommerce's API-key table (plugins/woocommerce-core does): only then does the host
 * authenticate requests with WooCommerce keys. A host without it (no WooCommerce plugin) has no keys to check.
 */
export function mapsApiKeys(dataSource: DataSource): boolean {
  return dataSource.entityMetadatas.some((metadata) => metadata.givenTableName === API_KEYS_TABLE);
}
