import { hashPassword } from '../src/wp/password';
import { createOrders } from './seedOrders';
import { createPeople, roleOf } from './seedPeople';
import { planOrders } from './seedPlan';
import { seedTables } from './seedTables';
import type { SeedWriter, TableTiming } from './seedWriter';

/** What the scenarios need to know about the seeded data. */
export interface SeedCatalog {
  firstUserId: number;
  lastUserId: number;
  /** The customer with 500 orders, and how many it has. */
  busiestCustomerId: number;
  busiestOrders: number;
  /** Customers with 100 or more orders. */
  heavyCustomers: number;
  /** A random seeded user whose role is customer. */
  randomCustomerId(): number;
  /** The account email of a seeded user. */
  emailOf(id: number): string;
}

export interface SeedReport {
  method: string;
  tables: TableTiming[];
  seconds: number;
}

export interface SeedSettings {
  prefix: string;
  siteUrl: string;
  customers: number;
  orders: number;
  /** The first free ids (after what the fresh install wrote). */
  firstUserId: number;
  firstOrderId: number;
  log: (line: string) => void;
}

/** Fills users, usermeta and both order storages through `writer`, one table after the other, with progress. */
export async function seedDatabase(
  writer: SeedWriter,
  settings: SeedSettings,
): Promise<{ catalog: SeedCatalog; report: SeedReport }> {
  const { customers, orders, firstUserId, log } = settings;
  const started = Date.now();
  const person = createPeople(customers);
  const plan = planOrders(customers, orders, roleOf, (n) => person(n).registeredUnix);
  log(
    `   plan: ${orders.toLocaleString('en-US')} orders, busiest customer ${plan.busiest >= 0 ? plan.counts[plan.busiest] : 0}, ` +
      `${plan.heavyCustomers} with 100+ (${((Date.now() - started) / 1000).toFixed(1)} s); loading with ${writer.method}`,
  );
  // Each order rebuilds its customer's profile from the customer's index (cheaper than keeping a million in memory).
  const order = createOrders({
    firstOrderId: settings.firstOrderId,
    firstUserId,
    owners: plan.owners,
    minutes: plan.minutes,
    person,
  });
  const loads = seedTables({
    prefix: settings.prefix,
    siteUrl: settings.siteUrl,
    users: customers,
    orders,
    firstUserId,
    passwordHash: await hashPassword('bench-password'),
    orderCounts: plan.counts,
    person,
    order,
  });
  const tables: TableTiming[] = [];
  for (const load of loads) {
    const tableStarted = Date.now();
    let lastShown = tableStarted;
    const timing = await writer.load(load, (done) => {
      if (Date.now() - lastShown < 5_000) return;
      lastShown = Date.now();
      log(
        `   ${load.table}: ${done.toLocaleString('en-US')} / ${load.count.toLocaleString('en-US')} rows (${((lastShown - tableStarted) / 1000).toFixed(0)} s)`,
      );
    });
    tables.push(timing);
    log(
      `   ${load.table}: ${timing.rows.toLocaleString('en-US')} rows in ${timing.loadSeconds.toFixed(1)} s ` +
        `(${Math.round(timing.rows / Math.max(timing.loadSeconds, 0.001)).toLocaleString('en-US')} rows/s), keys ${timing.keySeconds.toFixed(1)} s`,
    );
  }
  const customerIndexes = [...Array(customers).keys()].filter((n) => roleOf(n) === 'customer');
  const catalog: SeedCatalog = {
    firstUserId,
    lastUserId: firstUserId + customers - 1,
    busiestCustomerId: firstUserId + Math.max(0, plan.busiest),
    busiestOrders: plan.busiest >= 0 ? plan.counts[plan.busiest] : 0,
    heavyCustomers: plan.heavyCustomers,
    randomCustomerId: () => firstUserId + customerIndexes[Math.floor(Math.random() * customerIndexes.length)],
    emailOf: (id) => person(id - firstUserId).email,
  };
  return { catalog, report: { method: writer.method, tables, seconds: (Date.now() - started) / 1000 } };
}
