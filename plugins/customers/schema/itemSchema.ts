import type { JsonSchema } from '../../../src/rest/types';
import { sanitizeTextField } from '../../../src/wp/sanitizeTextField';
import { sanitizeUser } from '../../../src/wp/sanitizeUser';
import { strval } from '../../../src/rest/php/values';
import type { CustomersApiVersion } from '../versions';

const VIEW_EDIT = ['view', 'edit'];

function prop(description: string, type: string, extra: Partial<JsonSchema> = {}): JsonSchema {
  return { description, type, context: VIEW_EDIT, ...extra };
}

/** The address sub-schema; v1 writes "Address line 1." with a period, v2/v3 without. */
function addressProperties(type: 'billing' | 'shipping', version: CustomersApiVersion): Record<string, JsonSchema> {
  const period = version.name === 'v1' ? '.' : '';
  const properties: Record<string, JsonSchema> = {
    first_name: prop('First name.', 'string'),
    last_name: prop('Last name.', 'string'),
    company: prop('Company name.', 'string'),
    address_1: prop(`Address line 1${period}`, 'string'),
    address_2: prop(`Address line 2${period}`, 'string'),
    city: prop('City name.', 'string'),
    state: prop('ISO code or name of the state, province or district.', 'string'),
    postcode: prop('Postal code.', 'string'),
    country: prop('ISO code of the country.', 'string'),
  };
  if (type === 'billing') {
    // WooCommerce declares `format` before `context` for email fields (the OPTIONS body shows that key order).
    properties.email = { description: 'Email address.', type: 'string', format: 'email', context: VIEW_EDIT };
    properties.phone = prop('Phone number.', 'string');
  } else if (version.shippingPhoneInSchema) {
    properties.phone = prop('Phone number.', 'string');
  }
  return properties;
}

const metaDataSchema: JsonSchema = prop('Meta data.', 'array', {
  items: {
    type: 'object',
    properties: {
      id: prop('Meta ID.', 'integer', { readonly: true }),
      key: prop('Meta key.', 'string'),
      value: prop('Meta value.', 'mixed'),
    },
  },
});

/**
 * The customer item schema of one API version, before the `woocommerce_rest_customer_schema` filter
 * (WC_REST_Customers_V{1,2}_Controller / WC_REST_Customers_Controller::get_item_schema).
 */
export function customerItemProperties(version: CustomersApiVersion): Record<string, JsonSchema> {
  // PHP's (string) cast: a JSON null skips validation and reaches the sanitizer, which turns it into ''.
  const nameArg = { arg_options: { sanitizeCallback: (value: unknown) => sanitizeTextField(strval(value)) } };
  const dated: Record<string, JsonSchema> =
    version.name === 'v1'
      ? {
          date_created: prop('The date the customer was created, as GMT.', 'date-time', { readonly: true }),
          date_modified: prop('The date the customer was last modified, as GMT.', 'date-time', { readonly: true }),
        }
      : {
          date_created: prop("The date the customer was created, in the site's timezone.", 'date-time', {
            readonly: true,
          }),
          date_created_gmt: prop('The date the customer was created, as GMT.', 'date-time', { readonly: true }),
          date_modified: prop("The date the customer was last modified, in the site's timezone.", 'date-time', {
            readonly: true,
          }),
          date_modified_gmt: prop('The date the customer was last modified, as GMT.', 'date-time', { readonly: true }),
        };
  const properties: Record<string, JsonSchema> = {
    id: prop('Unique identifier for the resource.', 'integer', { readonly: true }),
    ...dated,
    email: { description: 'The email address for the customer.', type: 'string', format: 'email', context: VIEW_EDIT },
    first_name: prop('Customer first name.', 'string', nameArg),
    last_name: prop('Customer last name.', 'string', nameArg),
  };
  if (version.name !== 'v1') properties.role = prop('Customer role.', 'string', { readonly: true });
  properties.username = prop('Customer login name.', 'string', {
    arg_options: { sanitizeCallback: (value: unknown) => sanitizeUser(strval(value)) },
  });
  properties.password = { description: 'Customer password.', type: 'string', context: ['edit'] };
  if (version.name === 'v1') {
    properties.last_order = prop('Last order data.', 'object', {
      readonly: true,
      properties: {
        id: prop('Last order ID.', 'integer', { readonly: true }),
        date: prop('The date of the customer last order, as GMT.', 'date-time', { readonly: true }),
      },
    });
    properties.orders_count = prop('Quantity of orders made by the customer.', 'integer', { readonly: true });
    properties.total_spent = prop('Total amount spent.', 'string', { readonly: true });
    properties.avatar_url = prop('Avatar URL.', 'string', { readonly: true });
  }
  properties.billing = prop('List of billing address data.', 'object', {
    properties: addressProperties('billing', version),
  });
  properties.shipping = prop('List of shipping address data.', 'object', {
    properties: addressProperties('shipping', version),
  });
  if (version.name !== 'v1') {
    properties.is_paying_customer = prop('Is the customer a paying customer?', 'bool', { readonly: true });
    if (version.hasOrderTotals) {
      properties.orders_count = prop('Quantity of orders made by the customer.', 'integer', { readonly: true });
      properties.total_spent = prop('Total amount spent.', 'string', { readonly: true });
    }
    properties.avatar_url = prop('Avatar URL.', 'string', { readonly: true });
    properties.meta_data = metaDataSchema;
  }
  return properties;
}

/** The full draft-04 item schema around the (filtered) properties. */
export function wrapItemSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { $schema: 'http://json-schema.org/draft-04/schema#', title: 'customer', type: 'object', properties };
}
