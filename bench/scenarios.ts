import type { SeedCatalog } from './seedDatabase';

/** One measured request pattern. */
export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Connections for this scenario (writes use few: they must not dominate the run). */
  connections: (defaultConnections: number) => number;
  /** A request's path and body; `n` counts requests so bodies can be unique. */
  request: (n: number) => { path: string; body?: string };
  /** Measure a fixed number of requests instead of a duration (writes). */
  amount?: number;
  /** How long one response may take before it counts as an error (default: the bench's timeout). */
  timeoutSeconds?: number;
  /** Each request asks for other customers: the two servers' first answers are not comparable. */
  random?: boolean;
}

/** The GET scenarios, measured against wc-host and the baseline alike. */
export function readScenarios(catalog: SeedCatalog, api: string): Scenario[] {
  const base = `/wp-json/wc/${api}/customers`;
  const span = catalog.lastUserId - catalog.firstUserId + 1;
  const randomId = () => catalog.firstUserId + Math.floor(Math.random() * span);
  const get = (name: string, path: () => string, random = false): Scenario => ({
    name,
    method: 'GET',
    connections: (c) => c,
    request: () => ({ path: path() }),
    random,
  });
  return [
    get('GET /customers/<random id>', () => `${base}/${randomId()}`, true),
    get(`GET /customers/<id with ${catalog.busiestOrders} orders>`, () => `${base}/${catalog.busiestCustomerId}`),
    get('GET /customers', () => base),
    get('GET /customers?page=5000', () => `${base}?page=5000`),
    get('GET /customers?per_page=100', () => `${base}?per_page=100`),
    get('GET /customers?search=muller', () => `${base}?search=muller`),
    get('GET /customers?search=tanaka', () => `${base}?search=tanaka`),
    get(
      "GET /customers?email=<a customer's email>",
      () => `${base}?email=${encodeURIComponent(catalog.emailOf(catalog.randomCustomerId()))}`,
      true,
    ),
    get('GET /customers?orderby=registered_date&order=desc', () => `${base}?orderby=registered_date&order=desc`),
    get('GET /customers?role=all', () => `${base}?role=all`),
    get('GET /customers?orderby=id&order=desc&per_page=100', () => `${base}?orderby=id&order=desc&per_page=100`),
    get(
      'GET /customers?include=<20 random ids>',
      () => `${base}?include=${Array.from({ length: 20 }, randomId).join(',')}`,
      true,
    ),
  ];
}

/** Emails of the customers a pass creates one by one: the DELETE scenario finds (and removes) them afterwards. */
export function createdEmailPattern(tag: string): string {
  return `bench.one.${tag}.%@example.org`;
}

/**
 * The writes, wc-host only, each a fixed number of requests on 2 connections, in this order: create one, delete
 * one (`force=true`: the customers the create step made, see deleteScenario), update one (first name and billing
 * city of random seeded customers), and the batch of 100 creates.
 */
export function createScenario(api: string, tag: string, amount: number): Scenario {
  return {
    name: 'POST /customers (one create)',
    method: 'POST',
    connections: () => 2,
    amount,
    request: (n) => ({
      path: `/wp-json/wc/${api}/customers`,
      body: JSON.stringify({
        email: createdEmailPattern(tag).replace('%', String(n)),
        first_name: 'Zoë',
        last_name: 'Müller',
        billing: { city: 'Köln' },
      }),
    }),
  };
}

export function deleteScenario(api: string, ids: readonly number[]): Scenario {
  return {
    name: 'DELETE /customers/<id>?force=true',
    method: 'DELETE',
    connections: () => 2,
    amount: ids.length,
    request: (n) => ({ path: `/wp-json/wc/${api}/customers/${ids[n % ids.length]}?force=true` }),
  };
}

export function updateScenario(catalog: SeedCatalog, api: string, amount: number): Scenario {
  const cities = ['Düsseldorf', 'Kraków', 'Osaka', 'Reykjavík', 'Austin'];
  return {
    name: 'PUT /customers/<id> (first_name, billing city)',
    method: 'PUT',
    connections: () => 2,
    amount,
    request: (n) => ({
      path: `/wp-json/wc/${api}/customers/${catalog.randomCustomerId()}`,
      body: JSON.stringify({ first_name: `Chloé${n}`, billing: { city: cities[n % cities.length] } }),
    }),
  };
}

export function batchScenario(api: string, tag: string, amount: number): Scenario {
  return {
    name: 'POST /customers/batch (100 creates)',
    method: 'POST',
    connections: () => 2,
    amount,
    timeoutSeconds: 300,
    request: (n) => ({
      path: `/wp-json/wc/${api}/customers/batch`,
      body: JSON.stringify({
        create: Array.from({ length: 100 }, (_, i) => ({
          email: `bench.batch.${tag}.${n}.${i}@example.org`,
          first_name: 'Bench',
          last_name: `N${i}`,
        })),
      }),
    }),
  };
}
