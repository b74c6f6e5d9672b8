import { createLogger } from '../../host/logger';
import { createOutageTracker } from './outageTracker';

/** A logged line as level, message and fields (pino's JSON without time, pid and hostname). */
function tracked() {
  const lines: Array<Record<string, unknown>> = [];
  let now = 1_000;
  const tracker = createOutageTracker(
    createLogger('debug', (_stream, line) => {
      const { time: _time, pid: _pid, hostname: _hostname, ...rest } = JSON.parse(line) as Record<string, unknown>;
      lines.push(rest);
    }),
    () => now,
  );
  return { tracker, lines, advance: (ms: number) => (now += ms) };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });

it('logs one line when an outage starts and one when the next statement succeeds', () => {
  const { tracker, lines, advance } = tracked();
  tracker.succeeded();
  expect(lines).toEqual([]);

  tracker.failed(refused());
  advance(1_500);
  const repeated = refused();
  tracker.failed(repeated);
  tracker.failed(repeated); // the same error again (a transaction failing with its statement's error): counted once
  tracker.failed(refused());
  expect(tracker.down).toBe(true);
  advance(1_000);
  tracker.succeeded();
  tracker.succeeded();

  expect(lines).toEqual([
    {
      level: 'error',
      msg: 'Database unavailable; answering 503 wc_host_db_unavailable until it is back',
      error: 'connect ECONNREFUSED 127.0.0.1:3306',
    },
    { level: 'info', msg: 'Database available again after 2.5 s', failures: 3 },
  ]);
  expect(tracker.down).toBe(false);
});

it('logs each outage of its own', () => {
  const { tracker, lines } = tracked();
  for (let i = 0; i < 2; i += 1) {
    tracker.failed(refused());
    tracker.succeeded();
  }
  expect(lines.map((line) => line.level)).toEqual(['error', 'info', 'error', 'info']);
});
