import type { RestRequest } from '../../../src/rest/RestRequest';
import type { JsonSchema } from '../../../src/rest/types';
import { wcClean } from '../../../src/wp/wcClean';
import type { Customer } from '../model/Customer';
import { isProtectedMetaKey } from '../model/metaVisibility';
import type { AddressType } from '../model/addressFields';

/** PHP isset(): present and not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** PHP empty(). */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    value === '0' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * update_customer_meta_fields: names (wc_clean'd), the address sub-fields present in the request *and* in this
 * version's schema (a partial merge), and meta_data — protected `_` keys skipped (WooCommerce 9.5.2+).
 */
export function applyRequestFields(customer: Customer, request: RestRequest, schema: JsonSchema): void {
  const firstName = request.param('first_name');
  if (isSet(firstName)) customer.setFirstName(wcClean(firstName));
  const lastName = request.param('last_name');
  if (isSet(lastName)) customer.setLastName(wcClean(lastName));

  for (const type of ['billing', 'shipping'] as AddressType[]) {
    const address = request.param(type);
    if (!isSet(address) || typeof address !== 'object' || Array.isArray(address)) continue;
    const fields = Object.keys(schema.properties?.[type]?.properties ?? {});
    for (const field of fields) {
      const value = (address as Record<string, unknown>)[field];
      if (isSet(value)) customer.setAddressField(type, field, value);
    }
  }

  if (!schema.properties?.meta_data) return;
  const metaData = request.param('meta_data');
  if (!Array.isArray(metaData)) return;
  for (const item of metaData) {
    if (item === null || typeof item !== 'object') continue;
    const { key, value, id } = item as { key?: unknown; value?: unknown; id?: unknown };
    if (typeof key !== 'string' || key === '' || isProtectedMetaKey(key)) continue;
    const metaId = typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)) ? Number(id) : undefined;
    customer.updateMetaData(key, value === undefined ? null : value, metaId);
  }
}
