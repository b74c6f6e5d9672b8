import { wcOrderAddressesTable } from './wcOrderAddressesTable';
import { wcOrderOperationalDataTable } from './wcOrderOperationalDataTable';
import { wcOrdersMetaTable } from './wcOrdersMetaTable';
import { wcOrdersTable } from './wcOrdersTable';
import { wcProductDownloadDirectoriesTable } from './wcProductDownloadDirectoriesTable';
import { woocommerceDownloadableProductPermissionsTable } from './woocommerceDownloadableProductPermissionsTable';
import type { TableDefinition } from '../../../src/db/tableDefinition';

/**
 * The WooCommerce tables the customers API reads and writes besides WordPress's: download permissions and approved
 * directories, and the HPOS order tables (their order figures and downloads), in the order WooCommerce creates them
 * (it appends the HPOS tables to its schema last).
 */
export const customersTables: readonly TableDefinition[] = [
  woocommerceDownloadableProductPermissionsTable,
  wcProductDownloadDirectoriesTable,
  wcOrdersTable,
  wcOrderAddressesTable,
  wcOrderOperationalDataTable,
  wcOrdersMetaTable,
];
