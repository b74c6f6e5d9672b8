import autocannon from 'autocannon';
import type { Scenario } from './scenarios';

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests sent, including those still in flight when the duration ended (the server works them off anyway). */
  sent: number;
  /** Responses received. */
  completed: number;
}

export interface Load {
  /** Run for this long… */
  durationSeconds?: number;
  /** …or send exactly this many requests. */
  amount?: number;
  connections: number;
  /** Seconds before autocannon gives up on one response. */
  timeoutSeconds: number;
}

/** Runs one scenario against one server with autocannon and reads the figures that matter. */
export async function measure(
  url: string,
  authorization: string,
  scenario: Scenario,
  load: Load,
): Promise<Measurement> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: load.connections,
    ...(load.amount !== undefined ? { amount: load.amount } : { duration: load.durationSeconds ?? 1 }),
    timeout: load.timeoutSeconds,
    headers: { authorization, 'content-type': 'application/json' },
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => {
          const { path, body } = scenario.request(counter++);
          return { ...request, path, ...(body !== undefined ? { body } : {}) };
        },
      },
    ],
  });
  return {
    // With a fixed amount, autocannon's per-second average undercounts slow requests: use completed / elapsed.
    requestsPerSecond:
      load.amount !== undefined ? result.requests.total / (result.duration || 1) : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sent: result.requests.sent,
    completed: result.requests.total,
  };
}

export type ProbeResult =
  { timedOut: false; seconds: number; status: number; total: number | null } | { timedOut: true };

/** One request, timed: how slow the scenario is on this server, and the X-WP-Total it answers. */
export async function probe(
  url: string,
  authorization: string,
  scenario: Scenario,
  timeoutSeconds: number,
): Promise<ProbeResult> {
  const { path, body } = scenario.request(0);
  const started = performance.now();
  try {
    const response = await fetch(url + path, {
      method: scenario.method,
      headers: { authorization, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
    await response.arrayBuffer();
    const total = response.headers.get('x-wp-total');
    return {
      timedOut: false,
      seconds: (performance.now() - started) / 1000,
      status: response.status,
      total: total === null ? null : Number(total),
    };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      return { timedOut: true };
    throw error;
  }
}
