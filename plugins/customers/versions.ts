/**
 * The API versions of the customers endpoints. One implementation serves them all; a version only decides the
 * schema and the shape of the JSON (spec customers-api.md §3.2).
 */
export interface CustomersApiVersion {
  name: 'v1' | 'v2' | 'v3';
  namespace: string;
  /** v1/v2 answer orders_count and total_spent. */
  hasOrderTotals: boolean;
  /** v3's schema has shipping.phone, so only v3 can write it (v2 still outputs it). */
  shippingPhoneInSchema: boolean;
}

export const V2: CustomersApiVersion = { name: 'v2', namespace: 'wc/v2', hasOrderTotals: true, shippingPhoneInSchema: false };

export const CUSTOMERS_API_VERSIONS: readonly CustomersApiVersion[] = [V2];
