import autocannon from 'autocannon';
import type { Scenario } from './scenarios';

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests sent, including those still in flight when the duration ended (the server works them off anyway). */
  sent: number;
}

/**
 * Sends a scenario's requests for up to 5 s without recording anything, so the measurement sees a server in steady
 * state (V8 has compiled the hot paths, pools are full, one-off checks are done: Node probes the stack on each of the
 * first 10,000 `new Buffer()` calls, which passport-http makes per Basic header) rather than its first seconds. Both
 * servers get the same. Scenarios run by amount (batch) are not warmed.
 */
export async function warmUp(url: string, authorization: string, scenario: Scenario, options: { durationSeconds: number; connections: number }): Promise<void> {
  if (scenario.amount !== undefined) return;
  await measure(url, authorization, scenario, { ...options, durationSeconds: Math.min(5, options.durationSeconds) });
}

/** Runs one scenario against one server with autocannon and reads the figures that matter. */
export async function measure(url: string, authorization: string, scenario: Scenario, options: { durationSeconds: number; connections: number }): Promise<Measurement> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: scenario.connections(options.connections),
    ...(scenario.amount !== undefined ? { amount: scenario.amount } : { duration: options.durationSeconds }),
    // Seconds before autocannon gives up on a response (its default, 10, is less than a 100-create batch can take).
    timeout: scenario.timeoutSeconds ?? 60,
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
    requestsPerSecond: scenario.amount !== undefined ? result.requests.total / (result.duration || 1) : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    sent: result.requests.sent,
  };
}
