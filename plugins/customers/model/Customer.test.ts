import { BILLING_FIELDS, SHIPPING_FIELDS } from './addressFields';
import { Customer } from './Customer';
import type { WpUser } from './WpUser';

function user(meta: Array<[string, string | null]>): WpUser {
  return {
    ID: 7,
    user_login: 'jo',
    user_pass: '',
    user_nicename: 'jo',
    user_email: 'jo@example.com',
    user_url: '',
    user_registered: '2024-01-02 03:04:05',
    user_activation_key: '',
    user_status: 0,
    display_name: 'Jo',
    roles: ['customer'],
    caps: { customer: true },
    meta: meta.map(([meta_key, meta_value], index) => ({ umeta_id: index + 1, meta_key, meta_value })),
  };
}

describe('Customer.fromUser', () => {
  it('reads every address field, in WooCommerce’s order, from the first row of its key in any case', () => {
    const meta: Array<[string, string | null]> = [
      ['first_name', 'Jo'],
      ['LAST_NAME', 'Doe'],
      ['last_name', 'second row'],
      ...BILLING_FIELDS.map((field): [string, string] => [`billing_${field}`, `b-${field}`]),
      ...SHIPPING_FIELDS.map((field): [string, string] => [`Shipping_${field}`, `s-${field}`]),
      ['shipping_city', 'second row'],
      ['billing_phone', 'second row'],
    ];
    const customer = Customer.fromUser(user(meta), 'wp_');
    expect([customer.get('first_name'), customer.get('last_name')]).toEqual(['Jo', 'Doe']);
    const billing = customer.getAddress('billing');
    const shipping = customer.getAddress('shipping');
    expect(Object.keys(billing)).toEqual([...BILLING_FIELDS]);
    expect(Object.keys(shipping)).toEqual([...SHIPPING_FIELDS]);
    expect(Object.values(billing)).toEqual(BILLING_FIELDS.map((field) => `b-${field}`));
    expect(Object.values(shipping)).toEqual(SHIPPING_FIELDS.map((field) => `s-${field}`));
  });

  it('leaves missing fields empty, and a NULL value as empty', () => {
    const customer = Customer.fromUser(
      user([
        ['billing_city', null],
        ['shipping_country', 'FR'],
      ]),
      'wp_',
    );
    expect(customer.getAddress('billing')).toEqual(Object.fromEntries(BILLING_FIELDS.map((field) => [field, ''])));
    expect(customer.getAddress('shipping')).toEqual(
      Object.fromEntries(SHIPPING_FIELDS.map((field) => [field, field === 'country' ? 'FR' : ''])),
    );
    expect([customer.get('first_name'), customer.get('last_name')]).toEqual(['', '']);
  });
});
