/** The address props of WC_Customer, in WooCommerce's data order (the order of the JSON objects). */
export const BILLING_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'city',
  'postcode',
  'country',
  'state',
  'email',
  'phone',
] as const;

export const SHIPPING_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'city',
  'postcode',
  'country',
  'state',
  'phone',
] as const;

export type BillingField = (typeof BILLING_FIELDS)[number];
export type ShippingField = (typeof SHIPPING_FIELDS)[number];
export type AddressType = 'billing' | 'shipping';

export function addressFields(type: AddressType): readonly string[] {
  return type === 'billing' ? BILLING_FIELDS : SHIPPING_FIELDS;
}
