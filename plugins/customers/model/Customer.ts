import { RestError } from '../../../src/rest/RestError';
import { isEmail } from '../../../src/wp/isEmail';
import { sanitizeEmail } from '../../../src/wp/sanitizeEmail';
import { maybeUnserialize } from '../../../src/wp/phpSerialize';
import { BILLING_FIELDS, SHIPPING_FIELDS, addressFields, type AddressType } from './addressFields';
import { isInternalMetaKey } from './metaVisibility';
import { singleMeta, type WpUser } from './WpUser';

/** A meta_data entry of a customer: stored rows have an id; `value: null` means "delete on save". */
export interface CustomerMeta {
  id: number;
  key: string;
  value: unknown;
  /** The key and value as loaded, to write only what changed (WC_Meta_Data::get_changes). */
  readonly originalKey: string;
  readonly originalValue: unknown;
}

export type Address = Record<string, string>;

/** The props WC_Customer keeps (WC_Customer::$data), with date_created as the stored UTC `user_registered`. */
export interface CustomerProps {
  email: string;
  first_name: string;
  last_name: string;
  display_name: string;
  role: string;
  username: string;
  billing: Address;
  shipping: Address;
  is_paying_customer: boolean;
  /** UTC `YYYY-MM-DD HH:MM:SS` (wp_users.user_registered), null for a customer not saved yet. */
  date_created: string | null;
  /** Unix seconds from the `last_update` meta, null when the meta is missing. */
  date_modified: number | null;
}

type ScalarProp = 'email' | 'first_name' | 'last_name' | 'display_name' | 'role' | 'username' | 'is_paying_customer';

/**
 * WooCommerce's WC_Customer: props read from a WordPress user, setters with WooCommerce's validation, and the
 * change set a save writes (only props whose value changed, as WC_Data tracks them).
 */
export class Customer {
  id: number;
  private readonly data: CustomerProps;
  private readonly changes: Partial<Omit<CustomerProps, 'billing' | 'shipping'>> & {
    billing?: Address;
    shipping?: Address;
  } = {};
  private password = '';
  /** Visible (non-internal) meta rows plus pending additions, in WooCommerce's order. */
  meta: CustomerMeta[];

  private constructor(
    id: number,
    data: CustomerProps,
    meta: CustomerMeta[],
    /** Keys containing the table prefix are WordPress's own (capabilities, user level): never customer meta. */
    private readonly tablePrefix: string,
  ) {
    this.id = id;
    this.data = data;
    this.meta = meta;
  }

  /** A customer not in the database yet (`new WC_Customer()`). */
  static create(tablePrefix: string): Customer {
    return new Customer(
      0,
      {
        email: '',
        first_name: '',
        last_name: '',
        display_name: '',
        role: 'customer',
        username: '',
        billing: emptyAddress('billing'),
        shipping: emptyAddress('shipping'),
        is_paying_customer: false,
        date_created: null,
        date_modified: null,
      },
      [],
      tablePrefix,
    );
  }

  /** `new WC_Customer($id)`: props from the user row and its meta, exactly as WC_Customer_Data_Store::read maps them. */
  static fromUser(user: WpUser, tablePrefix: string): Customer {
    // The first row of each prop's key, compared lower-cased (WooCommerce reads them from get_user_meta's array).
    const values: Array<string | undefined> = new Array<string | undefined>(PROP_KEYS.length);
    for (const row of user.meta) {
      const slot = PROP_SLOT.get(row.meta_key.toLowerCase());
      if (slot !== undefined && values[slot] === undefined) values[slot] = row.meta_value ?? '';
    }
    const lastUpdate = singleMeta(user, 'last_update');
    const meta: CustomerMeta[] = user.meta
      .filter((row) => !isInternalMetaKey(row.meta_key, tablePrefix))
      .map((row) => {
        const value = maybeUnserialize(row.meta_value ?? '');
        return { id: row.umeta_id, key: row.meta_key, value, originalKey: row.meta_key, originalValue: value };
      });
    return new Customer(
      user.ID,
      {
        email: user.user_email,
        first_name: values[0] ?? '',
        last_name: values[1] ?? '',
        display_name: user.display_name,
        role: user.roles[0] ?? 'customer',
        username: user.user_login,
        billing: billingAddress(values),
        shipping: shippingAddress(values),
        is_paying_customer: isTruthyMeta(singleMeta(user, 'paying_customer')),
        date_created: user.user_registered,
        date_modified: /^\d+$/.test(lastUpdate) ? Number(lastUpdate) : null,
      },
      meta,
      tablePrefix,
    );
  }

  // ---- getters (edit context: the value including unsaved changes) ----

  get<K extends ScalarProp>(prop: K): CustomerProps[K] {
    return (prop in this.changes ? this.changes[prop] : this.data[prop]) as CustomerProps[K];
  }

  getAddress(type: AddressType): Address {
    return { ...this.data[type], ...(this.changes[type] ?? {}) };
  }

  get dateCreated(): string | null {
    return this.data.date_created;
  }

  get dateModified(): number | null {
    return this.data.date_modified;
  }

  getPassword(): string {
    return this.password;
  }

  /** Props changed since load: what a save writes. */
  getChanges(): Readonly<typeof this.changes> {
    return this.changes;
  }

  // ---- setters (WC_Customer's validation; status 400 like WC_Data_Exception) ----

  setEmail(value: unknown): void {
    const email = stringValue(value);
    if (email !== '' && !isEmail(email)) {
      throw new RestError('customer_invalid_email', 'Invalid email address', 400);
    }
    this.setProp('email', sanitizeEmail(email));
  }

  setUsername(value: unknown): void {
    this.setProp('username', stringValue(value));
  }

  setPassword(value: unknown): void {
    this.password = stringValue(value);
  }

  setFirstName(value: unknown): void {
    this.setProp('first_name', stringValue(value));
  }

  setLastName(value: unknown): void {
    this.setProp('last_name', stringValue(value));
  }

  setDisplayName(value: unknown): void {
    this.setProp('display_name', stringValue(value));
  }

  setRole(value: unknown): void {
    this.setProp('role', stringValue(value));
  }

  setIsPayingCustomer(value: unknown): void {
    this.setProp(
      'is_paying_customer',
      value === true || value === 1 || value === '1' || value === 'yes' || value === 'true',
    );
  }

  /** set_billing_<field> / set_shipping_<field>; unknown fields are ignored (no such setter). */
  setAddressField(type: AddressType, field: string, value: unknown): void {
    if (!addressFields(type).includes(field)) return;
    let text = stringValue(value);
    if (type === 'billing' && field === 'email') {
      if (text !== '' && !isEmail(text)) {
        throw new RestError('customer_invalid_billing_email', 'Invalid billing email address', 400);
      }
      text = sanitizeEmail(text);
    }
    const changed = this.changes[type] ?? {};
    if (text !== this.data[type][field] || field in changed) {
      changed[field] = text;
      this.changes[type] = changed;
    }
  }

  /**
   * WC_Data::update_meta_data. Keys WooCommerce keeps as props go to their setter (e.g. `billing_phone`); other keys it
   * hides from meta_data are not written. With an id: that row; without: the first row of the key (the others are
   * deleted), or a new row.
   */
  updateMetaData(key: string, value: unknown, metaId?: number): void {
    if (isInternalMetaKey(key, this.tablePrefix)) {
      this.setInternalProp(key, value);
      return;
    }
    let target: CustomerMeta | undefined;
    if (metaId) {
      target = this.meta.find((m) => m.id === metaId);
    } else {
      const matches = this.meta.filter((m) => m.key === key);
      for (const match of matches) match.value = null;
      target = matches[0];
    }
    if (target) {
      target.key = key;
      target.value = value;
      return;
    }
    // add_meta_data($key, $value, true): unique, so earlier rows of the key go.
    for (const m of this.meta) if (m.key === key) m.value = null;
    this.meta.push({ id: 0, key, value, originalKey: key, originalValue: undefined });
  }

  private setInternalProp(key: string, value: unknown): void {
    const name = key.replace(/^_+/, '');
    if (name === 'first_name') this.setFirstName(value);
    else if (name === 'last_name') this.setLastName(value);
    else if (name === 'display_name') this.setDisplayName(value);
    else if (name === 'email') this.setEmail(value);
    else if (name.startsWith('billing_')) this.setAddressField('billing', name.slice('billing_'.length), value);
    else if (name.startsWith('shipping_')) this.setAddressField('shipping', name.slice('shipping_'.length), value);
  }

  private setProp<K extends ScalarProp>(prop: K, value: CustomerProps[K]): void {
    if (value !== this.data[prop] || prop in this.changes) {
      (this.changes as Record<string, unknown>)[prop] = value;
    }
  }
}

/**
 * The lower-cased meta keys fromUser takes props from, by their place in its values: first and last name, then the
 * billing and the shipping fields in their order.
 */
const PROP_KEYS = [
  'first_name',
  'last_name',
  ...BILLING_FIELDS.map((field) => `billing_${field}`),
  ...SHIPPING_FIELDS.map((field) => `shipping_${field}`),
];
const PROP_SLOT = new Map(PROP_KEYS.map((key, slot) => [key, slot]));
const BILLING_AT = 2;
const SHIPPING_AT = BILLING_AT + BILLING_FIELDS.length;

/**
 * The addresses as object literals in BILLING_FIELDS/SHIPPING_FIELDS order (a test holds them to those lists): built
 * field by field, every customer read grew two objects' property stores step by step.
 */
function billingAddress(values: ReadonlyArray<string | undefined>): Address {
  const at = BILLING_AT;
  return {
    first_name: values[at] ?? '',
    last_name: values[at + 1] ?? '',
    company: values[at + 2] ?? '',
    address_1: values[at + 3] ?? '',
    address_2: values[at + 4] ?? '',
    city: values[at + 5] ?? '',
    postcode: values[at + 6] ?? '',
    country: values[at + 7] ?? '',
    state: values[at + 8] ?? '',
    email: values[at + 9] ?? '',
    phone: values[at + 10] ?? '',
  };
}

function shippingAddress(values: ReadonlyArray<string | undefined>): Address {
  const at = SHIPPING_AT;
  return {
    first_name: values[at] ?? '',
    last_name: values[at + 1] ?? '',
    company: values[at + 2] ?? '',
    address_1: values[at + 3] ?? '',
    address_2: values[at + 4] ?? '',
    city: values[at + 5] ?? '',
    postcode: values[at + 6] ?? '',
    country: values[at + 7] ?? '',
    state: values[at + 8] ?? '',
    phone: values[at + 9] ?? '',
  };
}

function emptyAddress(type: AddressType): Address {
  const out: Address = {};
  for (const field of type === 'billing' ? BILLING_FIELDS : SHIPPING_FIELDS) out[field] = '';
  return out;
}

/** WooCommerce stores paying_customer as '1' (or 'yes' in old versions); anything else is false. */
function isTruthyMeta(value: string): boolean {
  return value === '1' || value === 'yes' || value === 'true';
}

/** PHP's string cast of a scalar, as WooCommerce's setters effectively store it. */
export function stringValue(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  return '';
}
