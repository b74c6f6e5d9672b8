import { createRandom, type Random } from './seedRandom';
import type { SeedRole } from './seedPeople';

/** Who placed which order when: fixed before any row is written, in typed arrays (a few bytes per order and user). */
export interface OrderPlan {
  /** Orders per user index. */
  counts: Uint32Array;
  /** The user index of each order, in order-id (= date) order. */
  owners: Uint32Array;
  /** The minute (unix time / 60) each order was placed, rising with the order id. */
  minutes: Uint32Array;
  /** The user index with 500 orders (fewer only when there are fewer orders in all). */
  busiest: number;
  /** Customers with hundreds of orders, the busiest included. */
  heavyCustomers: number;
}

const BUSIEST_ORDERS = 500;
const ORDERS_FROM = Date.UTC(2019, 0, 1) / 1000;
const ORDERS_TO = Date.UTC(2025, 11, 31) / 1000;
/** Orders are sorted by minute × 2^23 + user index: exact in a double for up to 8 million users. */
const USER_BITS = 2 ** 23;

/**
 * Orders go to customers only, skewed as a shop's are: one customer with 500 orders, about one in 3,300 with
 * 100–400 (a few hundred at a million customers), and everyone else 0–5 mostly (a quarter none, the rest a
 * geometric tail), adjusted so the total is exactly `orders`. Each order gets a time between its customer's
 * registration and the end of 2025 (orders from 2019 on); order ids follow time.
 */
export function planOrders(
  users: number,
  orders: number,
  roleOf: (n: number) => SeedRole,
  registeredOf: (n: number) => number,
): OrderPlan {
  if (users > USER_BITS) throw new Error(`The seed plans at most ${USER_BITS} users`);
  const random = createRandom(20_251_001);
  const counts = new Uint32Array(users);
  let customers: number[] = [];
  for (let n = 0; n < users; n++) if (roleOf(n) === 'customer') customers.push(n);
  if (customers.length === 0) customers = Array.from({ length: users }, (_, n) => n);
  if (customers.length === 0)
    return { counts, owners: new Uint32Array(0), minutes: new Uint32Array(0), busiest: -1, heavyCustomers: 0 };

  shuffle(customers, random);
  const heavyCount = Math.min(customers.length, Math.max(1, Math.round(users / 3_300)));
  const heavy = customers.slice(0, heavyCount);
  const others = customers.slice(heavyCount);
  // The busiest first, then the others while they fit in half of all orders.
  let left = orders;
  counts[heavy[0]] = Math.min(BUSIEST_ORDERS, left);
  left -= counts[heavy[0]];
  for (const n of heavy.slice(1)) {
    const want = random.int(100, 400);
    if (want > left / 2 && others.length > 0) break;
    counts[n] = Math.min(want, left);
    left -= counts[n];
  }
  const rest = others.length > 0 ? others : heavy;
  spread(counts, rest, left, random);

  const keys = new Float64Array(orders);
  let k = 0;
  for (let n = 0; n < users; n++) {
    if (counts[n] === 0) continue;
    const from = Math.max(ORDERS_FROM, registeredOf(n) + 3_600);
    for (let i = 0; i < counts[n]; i++)
      keys[k++] = Math.floor((from + random.next() * (ORDERS_TO - from)) / 60) * USER_BITS + n;
  }
  keys.sort();
  const owners = new Uint32Array(orders);
  const minutes = new Uint32Array(orders);
  for (let i = 0; i < orders; i++) {
    owners[i] = keys[i] % USER_BITS;
    minutes[i] = Math.floor(keys[i] / USER_BITS);
  }
  return { counts, owners, minutes, busiest: heavy[0], heavyCustomers: heavy.filter((n) => counts[n] >= 100).length };
}

/** Gives `total` orders to `who`: a quarter none, the others 1 + a geometric tail, then ±1 steps to hit the total. */
function spread(counts: Uint32Array, who: readonly number[], total: number, random: Random): void {
  if (who.length === 0 || total <= 0) return;
  const mean = total / who.length;
  const cap = Math.max(40, Math.ceil(mean * 6));
  const tail = Math.max(0, mean / 0.75 - 1);
  const p = 1 / (tail + 1);
  let sum = 0;
  for (const n of who) {
    let count = 0;
    if (random.chance(0.75)) {
      count = 1;
      while (count < cap && random.next() > p) count++;
    }
    counts[n] += count;
    sum += count;
  }
  while (sum < total) {
    const n = random.pick(who);
    if (counts[n] < cap || who.length === 1) {
      counts[n]++;
      sum++;
    }
  }
  while (sum > total) {
    const n = random.pick(who);
    if (counts[n] > 0) {
      counts[n]--;
      sum--;
    }
  }
}

function shuffle(items: number[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
}
