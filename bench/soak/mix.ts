import type { SeedCatalog } from '../seedDatabase';

export interface SoakRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * The soak's mixed load: `createsPercent` of the requests create a customer (each a new email), the rest are the
 * reads a shop's integrations make — one customer by id (half of the reads), the default list, a page further on,
 * a lookup by email and a search. Spread evenly (a fixed cycle), so every minute has the same mix.
 */
export function soakMix(catalog: SeedCatalog, createsPercent: number, tag: string): (n: number) => SoakRequest {
  const base = '/wp-json/wc/v3/customers';
  const span = catalog.lastUserId - catalog.firstUserId + 1;
  const randomId = () => catalog.firstUserId + Math.floor(Math.random() * span);
  const reads: Array<() => string> = [
    () => `${base}/${randomId()}`,
    () => base,
    () => `${base}/${randomId()}`,
    () => `${base}?page=${1 + Math.floor(Math.random() * 50)}`,
    () => `${base}/${randomId()}`,
    () => `${base}?email=${encodeURIComponent(catalog.emailOf(catalog.randomCustomerId()))}`,
    () => `${base}/${randomId()}`,
    () => `${base}?search=muller`,
  ];
  return (n) => {
    // n * createsPercent crosses a multiple of 100 exactly createsPercent times in every 100 requests.
    if (Math.floor(((n + 1) * createsPercent) / 100) > Math.floor((n * createsPercent) / 100)) {
      return {
        method: 'POST',
        path: base,
        body: JSON.stringify({
          email: `soak.${tag}.${n}@example.org`,
          first_name: 'Zoë',
          last_name: 'Müller',
          billing: { city: 'Köln' },
        }),
      };
    }
    return { method: 'GET', path: reads[n % reads.length]() };
  };
}
