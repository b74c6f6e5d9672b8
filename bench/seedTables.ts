import { newUserMeta } from '../src/wp/newUserMeta';
import { WOOCOMMERCE_VERSION } from '../src/db/seedData/freshSiteOptions';
import type { SeedOrder } from './seedOrders';
import type { SeedPerson, SeedRole } from './seedPeople';
import type { SqlValue, TableLoad } from './seedWriter';

export interface SeedTablesContext {
  prefix: string;
  siteUrl: string;
  users: number;
  orders: number;
  firstUserId: number;
  /** One password hash for everyone (hashing a million passwords would be the whole seed's time). */
  passwordHash: string;
  orderCounts: Uint32Array;
  person: (n: number) => SeedPerson;
  order: (k: number) => SeedOrder;
}

const USER_LEVEL: Readonly<Record<SeedRole, string>> = {
  customer: '0',
  subscriber: '0',
  shop_manager: '9',
  administrator: '10',
};
const ADDRESS_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'city',
  'postcode',
  'country',
  'state',
] as const;
const DAY = 86_400;

/** Meta rows per user: wp_insert_user's 11, role and level, WooCommerce's 3, billing 11, shipping 9. */
export const META_PER_USER = 11 + 2 + 3 + 11 + 9;
/** Meta rows per order in posts storage. */
export const META_PER_ORDER = 10;

/** Every table the seed fills, in load order, each as a stream of rows. */
export function seedTables(context: SeedTablesContext): TableLoad[] {
  const { users, orders } = context;
  const everyUser = function* <T>(rowsOf: (n: number, person: SeedPerson) => Iterable<T>): Generator<T> {
    for (let n = 0; n < users; n++) yield* rowsOf(n, context.person(n));
  };
  const everyOrder = function* <T>(rowsOf: (order: SeedOrder) => Iterable<T>): Generator<T> {
    for (let k = 0; k < orders; k++) yield* rowsOf(context.order(k));
  };
  return [
    {
      table: 'users',
      columns: [
        'ID',
        'user_login',
        'user_pass',
        'user_nicename',
        'user_email',
        'user_url',
        'user_registered',
        'user_activation_key',
        'user_status',
        'display_name',
      ],
      count: users,
      rows: () => everyUser((n, p) => [userRow(context, n, p)]),
    },
    {
      table: 'usermeta',
      columns: ['user_id', 'meta_key', 'meta_value'],
      count: users * META_PER_USER,
      rows: () => everyUser((n, p) => userMetaRows(context, n, p)),
    },
    {
      table: 'posts',
      columns: [
        'ID',
        'post_author',
        'post_date',
        'post_date_gmt',
        'post_content',
        'post_title',
        'post_excerpt',
        'post_status',
        'comment_status',
        'ping_status',
        'post_password',
        'post_name',
        'to_ping',
        'pinged',
        'post_modified',
        'post_modified_gmt',
        'post_content_filtered',
        'post_parent',
        'guid',
        'menu_order',
        'post_type',
        'post_mime_type',
        'comment_count',
      ],
      count: orders,
      rows: () => everyOrder((o) => [orderPostRow(context, o)]),
    },
    {
      table: 'postmeta',
      columns: ['post_id', 'meta_key', 'meta_value'],
      count: orders * META_PER_ORDER,
      rows: () => everyOrder(orderPostmetaRows),
    },
    {
      table: 'wc_orders',
      columns: [
        'id',
        'status',
        'currency',
        'type',
        'tax_amount',
        'total_amount',
        'customer_id',
        'billing_email',
        'date_created_gmt',
        'date_updated_gmt',
        'parent_order_id',
        'payment_method',
        'payment_method_title',
        'transaction_id',
        'ip_address',
        'user_agent',
        'customer_note',
      ],
      count: orders,
      rows: () => everyOrder((o) => [hposOrderRow(o)]),
    },
    {
      table: 'wc_order_addresses',
      columns: [
        'order_id',
        'address_type',
        'first_name',
        'last_name',
        'company',
        'address_1',
        'address_2',
        'city',
        'state',
        'postcode',
        'country',
        'email',
        'phone',
      ],
      count: orders,
      rows: () => everyOrder((o) => [billingAddressRow(o)]),
    },
  ];
}

function userRow(context: SeedTablesContext, n: number, p: SeedPerson): SqlValue[] {
  // sanitize_title(user_login) for the nicename; display_name "First Last", so many customers share one.
  return [
    context.firstUserId + n,
    p.login,
    context.passwordHash,
    p.login.replace(/\./g, '-'),
    p.email,
    '',
    p.registered,
    '',
    0,
    `${p.firstName} ${p.lastName}`,
  ];
}

/** What a customer created by WooCommerce (checkout or REST) and then active in the shop has, in write order. */
function userMetaRows(context: SeedTablesContext, n: number, p: SeedPerson): SqlValue[][] {
  const id = context.firstUserId + n;
  const lastUpdate = p.registeredUnix + ((n * 7_919) % (400 * DAY));
  const rows: Array<[string, string]> = [
    ...newUserMeta({ nickname: p.login, firstName: p.firstName, lastName: p.lastName }),
    [`${context.prefix}capabilities`, `a:1:{s:${p.role.length}:"${p.role}";b:1;}`],
    [`${context.prefix}user_level`, USER_LEVEL[p.role]],
    ['last_update', String(lastUpdate)],
    // WooCommerce stores the start of the day the customer was last seen.
    ['wc_last_active', String(Math.floor((lastUpdate + 30 * DAY) / DAY) * DAY)],
    ['paying_customer', context.orderCounts[n] > 0 ? '1' : '0'],
    ...ADDRESS_FIELDS.map((field): [string, string] => [`billing_${field}`, p.billing[field]]),
    ['billing_email', p.email],
    ['billing_phone', p.phone],
    ...ADDRESS_FIELDS.map((field): [string, string] => [`shipping_${field}`, p.shipping[field]]),
  ];
  return rows.map(([key, value]) => [id, key, value]);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The shop_order post WC_Order_Data_Store_CPT::create writes (title "Order – <date>", password = order key). */
function orderPostRow(context: SeedTablesContext, o: SeedOrder): SqlValue[] {
  const date = new Date(o.createdUnix * 1000);
  const hours = date.getUTCHours() % 12 || 12;
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const ampm = date.getUTCHours() < 12 ? 'AM' : 'PM';
  const month = MONTHS[date.getUTCMonth()];
  const title = `Order &ndash; ${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} @ ${String(hours).padStart(2, '0')}:${minutes} ${ampm}`;
  const name = `order-${month.toLowerCase()}-${date.getUTCDate()}-${date.getUTCFullYear()}-${String(hours).padStart(2, '0')}${minutes}-${ampm.toLowerCase()}`;
  return [
    o.id,
    1,
    o.created,
    o.created,
    '',
    title,
    '',
    o.status,
    'closed',
    'closed',
    o.orderKey,
    name,
    '',
    '',
    o.updated,
    o.updated,
    '',
    0,
    `${context.siteUrl}/?post_type=shop_order&#038;p=${o.id}`,
    0,
    'shop_order',
    '',
    0,
  ];
}

function orderPostmetaRows(o: SeedOrder): SqlValue[][] {
  const rows: Array<[string, string]> = [
    ['_order_key', o.orderKey],
    ['_customer_user', String(o.customerId)],
    ['_payment_method', o.paymentMethod],
    ['_created_via', 'checkout'],
    ['_billing_first_name', o.customer.billing.first_name],
    ['_billing_last_name', o.customer.billing.last_name],
    ['_billing_email', o.customer.email],
    ['_order_currency', o.currency],
    ['_order_total', o.total],
    ['_order_version', WOOCOMMERCE_VERSION],
  ];
  return rows.map(([key, value]) => [o.id, key, value]);
}

function hposOrderRow(o: SeedOrder): SqlValue[] {
  return [
    o.id,
    o.status,
    o.currency,
    'shop_order',
    o.tax,
    o.total,
    o.customerId,
    o.customer.email,
    o.created,
    o.updated,
    0,
    o.paymentMethod,
    o.paymentMethodTitle,
    o.paymentMethod === 'stripe' ? `ch_${o.orderKey.slice(9)}` : '',
    `192.0.2.${o.id % 250}`,
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    '',
  ];
}

function billingAddressRow(o: SeedOrder): SqlValue[] {
  const a = o.customer.billing;
  return [
    o.id,
    'billing',
    a.first_name,
    a.last_name,
    a.company,
    a.address_1,
    a.address_2,
    a.city,
    a.state,
    a.postcode,
    a.country,
    o.customer.email,
    o.customer.phone,
  ];
}
