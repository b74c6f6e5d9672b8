import { mysqlDate, type SeedPerson } from './seedPeople';
import { streamFor, weightedPicker } from './seedRandom';

/** One seeded order, the same in both storages. */
export interface SeedOrder {
  id: number;
  customerId: number;
  customer: SeedPerson;
  /** As stored: `wc-completed`… */
  status: string;
  currency: string;
  /** Two decimals (none for JPY), as WooCommerce stores `_order_total`. */
  total: string;
  tax: string;
  /** UTC `Y-m-d H:i:s`; the site runs on UTC (gmt_offset 0), so it is also the site time. */
  created: string;
  createdUnix: number;
  updated: string;
  orderKey: string;
  paymentMethod: string;
  paymentMethodTitle: string;
}

const ORDER_STREAM = 2;

const status = weightedPicker([
  ['wc-completed', 60],
  ['wc-processing', 12],
  ['wc-on-hold', 4],
  ['wc-pending', 5],
  ['wc-cancelled', 8],
  ['wc-refunded', 4],
  ['wc-failed', 5],
  ['wc-checkout-draft', 2],
] as const);
const payment = weightedPicker([
  [['stripe', 'Credit card (Stripe)'], 5],
  [['ppcp-gateway', 'PayPal'], 3],
  [['bacs', 'Direct bank transfer'], 1],
  [['cod', 'Cash on delivery'], 1],
] as const);
const KEY_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Order k (0-based): customer and minute from the plan (ids and dates rise together, as in a shop); status, total
 * and payment from the order's own random stream. Totals are log-normal around 40.
 */
export function createOrders(context: {
  firstOrderId: number;
  firstUserId: number;
  owners: Uint32Array;
  minutes: Uint32Array;
  person: (n: number) => SeedPerson;
}): (k: number) => SeedOrder {
  return (k) => {
    const random = streamFor(ORDER_STREAM, k);
    const owner = context.owners[k];
    const customer = context.person(owner);
    const createdUnix = context.minutes[k] * 60 + random.int(0, 59);
    const orderStatus = status(random);
    // Sum of uniforms ≈ normal: exp(3.7 ± 0.9) is ~40 typical, a long tail into the hundreds.
    const gauss = random.next() + random.next() + random.next() + random.next() - 2;
    const amount = Math.min(2500, Math.max(1.5, Math.exp(3.7 + 0.9 * gauss * 1.7)));
    const yen = customer.currency === 'JPY';
    const total = yen ? String(Math.round(amount * 150)) : amount.toFixed(2);
    const tax = yen ? String(Math.round((amount * 150 * 10) / 110)) : ((amount * 19) / 119).toFixed(2);
    const [paymentMethod, paymentMethodTitle] = payment(random);
    let orderKey = 'wc_order_';
    for (let i = 0; i < 13; i++) orderKey += KEY_CHARACTERS[Math.floor(random.next() * KEY_CHARACTERS.length)];
    const settled = orderStatus === 'wc-completed' || orderStatus === 'wc-refunded' || orderStatus === 'wc-cancelled';
    return {
      id: context.firstOrderId + k,
      customerId: context.firstUserId + owner,
      customer,
      status: orderStatus,
      currency: customer.currency,
      total,
      tax,
      created: mysqlDate(createdUnix),
      createdUnix,
      updated: mysqlDate(settled ? createdUnix + random.int(3_600, 5 * 86_400) : createdUnix),
      orderKey,
      paymentMethod,
      paymentMethodTitle,
    };
  };
}
