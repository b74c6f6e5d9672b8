/** One measured request pattern, run the same way against wc-host and the baseline. */
export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** Connections for this scenario (batch creates use fewer: each request is 100 bcrypt hashes). */
  connections: (defaultConnections: number) => number;
  /** A request's path and body; `n` counts requests so bodies can be unique. */
  request: (n: number) => { path: string; body?: string };
  /** Measure a fixed number of requests instead of a duration (a batch request takes seconds). */
  amount?: number;
  /** How long one response may take before it counts as an error (default 60 s). */
  timeoutSeconds?: number;
}

export function scenarios(firstId: number, lastId: number): Scenario[] {
  const span = lastId - firstId + 1;
  return [
    {
      name: 'GET /customers/<random id>',
      method: 'GET',
      connections: (c) => c,
      request: () => ({ path: `/wp-json/wc/v2/customers/${firstId + Math.floor(Math.random() * span)}` }),
    },
    { name: 'GET /customers', method: 'GET', connections: (c) => c, request: () => ({ path: '/wp-json/wc/v2/customers' }) },
    { name: 'GET /customers?search=tanaka', method: 'GET', connections: (c) => c, request: () => ({ path: '/wp-json/wc/v2/customers?search=tanaka' }) },
    {
      name: 'GET /customers?role=all&orderby=registered_date',
      method: 'GET',
      connections: (c) => c,
      request: () => ({ path: '/wp-json/wc/v2/customers?role=all&orderby=registered_date' }),
    },
    {
      name: 'POST /customers/batch (100 creates)',
      method: 'POST',
      connections: () => 2,
      amount: 6,
      timeoutSeconds: 300,
      request: (n) => ({
        path: '/wp-json/wc/v2/customers/batch',
        body: JSON.stringify({
          create: Array.from({ length: 100 }, (_, i) => ({ email: `bench.${process.pid}.${n}.${i}@example.org`, first_name: 'Bench', last_name: `N${i}` })),
        }),
      }),
    },
  ];
}
