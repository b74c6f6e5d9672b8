import { createHash } from 'node:crypto';
import type { WpUser } from '../../entities';
import type { Row } from '../../src/db/rows';
import type { Response, Test } from 'supertest';
import type { TestHost, TestKey } from './testHost';

/**
 * Helpers for the black-box tests of the wc/v2 customers endpoints: authenticated requests, fixtures made through the
 * API, direct reads of the WordPress tables, and the expected shapes written out from docs/woocommerce-behaviour.md
 * (never computed by the code under test).
 */

export const V2 = '/wp-json/wc/v2';
/** The Host of the site WooCommerce 8.9.1's answers were recorded on: requests send it, so URLs compare as bytes. */
export const REFERENCE_HOST = '127.0.0.1:8080';
/** rest_url() for the reference host. */
export const REST_ROOT = `http://${REFERENCE_HOST}/wp-json`;

/** Signs a supertest request with a key (loopback Basic auth) and sends the reference Host. */
export function as(request: Test, key: TestKey): Test {
  return anonymous(request).auth(key.consumerKey, key.consumerSecret);
}

/** An unauthenticated request with the reference Host. */
export function anonymous(request: Test): Test {
  return request.set('Host', REFERENCE_HOST);
}

/** The v2 customer keys in current WooCommerce's order (meta_data before orders_count/total_spent), for an admin. */
export const V2_ADMIN_KEYS = [
  'id',
  'date_created',
  'date_created_gmt',
  'date_modified',
  'date_modified_gmt',
  'email',
  'first_name',
  'last_name',
  'role',
  'username',
  'billing',
  'shipping',
  'is_paying_customer',
  'avatar_url',
  'meta_data',
  'orders_count',
  'total_spent',
];

/** The v3 customer keys for an administrator: v2's without the order totals (docs/woocommerce-behaviour.md). */
export const V3_ADMIN_KEYS = V2_ADMIN_KEYS.filter((key) => key !== 'orders_count' && key !== 'total_spent');

/** v1's customer keys (WC_REST_Customers_V1_Controller::prepare_item_for_response), without `_links`. */
export const V1_KEYS = [
  'id',
  'date_created',
  'date_modified',
  'email',
  'first_name',
  'last_name',
  'username',
  'last_order',
  'orders_count',
  'total_spent',
  'avatar_url',
  'billing',
  'shipping',
];

/** The 18 v2 item-schema properties in schema order (WooCommerce's customer_schema test). */
export const V2_SCHEMA_PROPERTIES = [
  'id',
  'date_created',
  'date_created_gmt',
  'date_modified',
  'date_modified_gmt',
  'email',
  'first_name',
  'last_name',
  'role',
  'username',
  'password',
  'billing',
  'shipping',
  'is_paying_customer',
  'orders_count',
  'total_spent',
  'avatar_url',
  'meta_data',
];

/** Billing keys in WC_Customer data order (the order WooCommerce answers them in). */
export const BILLING_KEYS = [
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
];
/** Shipping keys: v2 outputs phone (WC ≥ 5.6) though it cannot write it. */
export const SHIPPING_KEYS = [
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
];

export const EMPTY_BILLING = Object.fromEntries(BILLING_KEYS.map((key) => [key, '']));
export const EMPTY_SHIPPING = Object.fromEntries(SHIPPING_KEYS.map((key) => [key, '']));

/** The John Doe body: WooCommerce's api-core-tests `customer` data (tests/api-core-tests/data/customer.js). */
export const JOHN_DOE = {
  email: 'john.doe@example.com',
  first_name: 'John',
  last_name: 'Doe',
  username: 'john.doe',
  password: 'x1y2z3Secret!',
  billing: {
    first_name: 'John',
    last_name: 'Doe',
    company: '',
    address_1: '969 Market',
    address_2: '',
    city: 'San Francisco',
    state: 'CA',
    postcode: '94103',
    country: 'US',
    email: 'john.doe@example.com',
    phone: '(555) 555-5555',
  },
  shipping: {
    first_name: 'John',
    last_name: 'Doe',
    company: '',
    address_1: '969 Market',
    address_2: '',
    city: 'San Francisco',
    state: 'CA',
    postcode: '94103',
    country: 'US',
  },
};

/** WordPress 6.8+ get_avatar_url(): https, SHA-256 of the trimmed lower-cased email (docs/wordpress-storage-and-auth.md). */
export function gravatar(email: string): string {
  const hash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return `https://secure.gravatar.com/avatar/${hash}?s=96&d=mm&r=g`;
}

/** `YYYY-MM-DDTHH:MM:SS`, no offset (the REST date format). */
export const REST_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** The REST form of a UTC MySQL datetime. */
export function restDate(mysqlDate: string): string {
  return mysqlDate.replace(' ', 'T');
}

/** A WordPress error body, exactly. */
export function expectError(response: Response, status: number, code: string, message?: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  if (message !== undefined) expect(response.body.message).toBe(message);
  expect(response.body.data.status).toBe(status);
}

/** A customer as the API answers it (JSON, read field by field in the tests). */
export type CustomerJson = Record<string, any>;

/** POST /customers as `key`; fails the test unless 201. */
export async function createCustomer(
  t: TestHost,
  body: Record<string, unknown>,
  key: TestKey = t.adminKey,
): Promise<CustomerJson> {
  const response = await as(t.http.post(`${V2}/customers`), key).send(body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

let fixtureCounter = 0;

/** A customer with a unique login/email (password given, so no hash-generation surprises). */
export async function createFixtureCustomer(t: TestHost, extra: Record<string, unknown> = {}): Promise<CustomerJson> {
  fixtureCounter += 1;
  const login = `fixture${fixtureCounter}_${process.pid}`;
  return createCustomer(t, { email: `${login}@example.com`, username: login, password: 'secret-pass', ...extra });
}

/** PHP serialize() of a role map as WordPress writes `{prefix}capabilities` (byte lengths). */
export function serializedRoles(roles: readonly string[]): string {
  return `a:${roles.length}:{${roles.map((role) => `s:${Buffer.byteLength(role)}:"${role}";b:1;`).join('')}}`;
}

/** Changes a user's roles in `{prefix}capabilities` (and user_level) by SQL, as another WordPress tool would. */
export async function setRoles(t: TestHost, userId: number, roles: readonly string[], userLevel = 0): Promise<void> {
  const { db } = t.host;
  await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
    serializedRoles(roles),
    userId,
    `${db.prefix}capabilities`,
  ]);
  await db.execute(`UPDATE ${db.table('usermeta')} SET meta_value = ? WHERE user_id = ? AND meta_key = ?`, [
    String(userLevel),
    userId,
    `${db.prefix}user_level`,
  ]);
}

/** A user created through the API whose role is then changed by SQL; returns its id. */
export async function makeUserWithRole(t: TestHost, role: string, userLevel = 0): Promise<number> {
  const customer = await createFixtureCustomer(t);
  await setRoles(t, customer.id, [role], userLevel);
  return customer.id;
}

/** A `{prefix}users` row (entities/WpUser.ts). */
export type UserRow = Row<WpUser>;

/** The `{prefix}users` row, with the datetime as WordPress's text. */
export async function userRow(t: TestHost, id: number): Promise<UserRow | undefined> {
  const { db } = t.host;
  const [row] = await db.query<UserRow>(`SELECT * FROM ${db.table('users')} WHERE ID = ?`, [id]);
  if (!row) return undefined;
  const registered: unknown = row.user_registered;
  return {
    ...row,
    ID: Number(row.ID),
    user_status: Number(row.user_status),
    user_registered:
      registered instanceof Date ? registered.toISOString().slice(0, 19).replace('T', ' ') : String(registered),
  };
}

/** The user's meta rows as [key, value] in umeta_id order. */
export async function metaRows(t: TestHost, userId: number): Promise<Array<[string, string]>> {
  const { db } = t.host;
  const rows = await db.query<{ meta_key: string; meta_value: string }>(
    `SELECT meta_key, meta_value FROM ${db.table('usermeta')} WHERE user_id = ? ORDER BY umeta_id`,
    [userId],
  );
  return rows.map((row) => [row.meta_key, row.meta_value]);
}

/** The values of one meta key (all rows, umeta_id order). */
export async function metaValues(t: TestHost, userId: number, key: string): Promise<string[]> {
  return (await metaRows(t, userId)).filter(([metaKey]) => metaKey === key).map(([, value]) => value);
}

/** Every key of the JSON object, in order. */
export function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>);
}

/**
 * The body WordPress 6.5.3 + WooCommerce 8.9.1 answered to the create of John Doe (customer 4, host 127.0.0.1:8080),
 * copied byte for byte from the recorded answer. Use `referenceJohnDoe` to put in what differs.
 */
const REFERENCE_01_BODY = String.raw`{"id":4,"date_created":"2026-11-26T19:04:36","date_created_gmt":"2026-11-26T19:04:36","date_modified":"2026-11-26T19:04:36","date_modified_gmt":"2026-11-26T19:04:36","email":"john.doe@example.com","first_name":"John","last_name":"Doe","role":"customer","username":"john.doe","billing":{"first_name":"John","last_name":"Doe","company":"","address_1":"969 Market","address_2":"","city":"San Francisco","postcode":"94103","country":"US","state":"CA","email":"john.doe@example.com","phone":"(555) 555-5555"},"shipping":{"first_name":"John","last_name":"Doe","company":"","address_1":"969 Market","address_2":"","city":"San Francisco","postcode":"94103","country":"US","state":"CA","phone":""},"is_paying_customer":false,"avatar_url":"http:\/\/2.gravatar.com\/avatar\/8eb1b522f60d11fa897de1dc6351b7e8?s=96&d=mm&r=g","meta_data":[],"orders_count":0,"total_spent":"0.00","_links":{"self":[{"href":"http:\/\/127.0.0.1:8080\/wp-json\/wc\/v2\/customers\/4"}],"collection":[{"href":"http:\/\/127.0.0.1:8080\/wp-json\/wc\/v2\/customers"}]}}`;

/**
 * Those bytes with this run's id, dates and the WordPress 6.8+ avatar (what wc-host targets) put in; everything
 * else — key order, escaping, values — stays as the real WooCommerce sent it.
 */
export function referenceJohnDoe(customer: CustomerJson): string {
  const escaped = (url: string) => url.replace(/\//g, '\\/');
  return REFERENCE_01_BODY.replace('"id":4,', `"id":${customer.id},`)
    .replace(/customers\\\/4"/, `customers\\/${customer.id}"`)
    .replace(
      /"date_created(_gmt)?":"2026-11-26T19:04:36"/g,
      (_match, gmt: string | undefined) => `"date_created${gmt ?? ''}":"${customer.date_created}"`,
    )
    .replace(
      /"date_modified(_gmt)?":"2026-11-26T19:04:36"/g,
      (_match, gmt: string | undefined) => `"date_modified${gmt ?? ''}":"${customer.date_modified}"`,
    )
    .replace(/"avatar_url":"[^"]*"/, `"avatar_url":"${escaped(gravatar('john.doe@example.com'))}"`);
}
