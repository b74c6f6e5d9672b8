import http from 'node:http';
import type { SoakRequest } from './mix';
import { emptyInterval, type IntervalStats } from './intervalStats';

export interface OpenLoopSettings {
  url: string;
  authorization: string;
  rate: number;
  durationSeconds: number;
  intervalSeconds: number;
  connections: number;
  next(n: number): SoakRequest;
  /** Called when an interval's scheduled requests are all answered (or failed), with its figures. */
  onInterval(index: number, stats: IntervalStats): void;
  /** The server's current RSS in MiB, read at the end of each interval. */
  rssMiB(): number | null;
}

/** A request that has had no answer after this long counts as failed (and frees its connection). */
const REQUEST_TIMEOUT_MS = 30_000;
/** How often the scheduler wakes to send what is due: sub-millisecond timers are not to be had from Node anyway. */
const TICK_MS = 2;

/**
 * An open-loop load: request i is due at start + i / rate and is sent then, whether or not earlier ones were
 * answered (a closed loop — autocannon's connections — slows down with the server and hides its queueing). Its
 * latency counts from when it was due, so time spent waiting for one of the generator's own connections is in it
 * too. Resolves once every request is answered or failed.
 */
export function runOpenLoop(settings: OpenLoopSettings): Promise<IntervalStats[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.connections });
  const total = Math.round(settings.rate * settings.durationSeconds);
  const intervalCount = Math.ceil(settings.durationSeconds / settings.intervalSeconds);
  const intervals = Array.from({ length: intervalCount }, emptyInterval);
  const pending = new Array<number>(intervalCount).fill(0);
  const scheduledAll = new Array<boolean>(intervalCount).fill(false);
  const reported = new Array<boolean>(intervalCount).fill(false);
  const target = new URL(settings.url);
  const started = performance.now();
  let sent = 0;
  let settled = 0;

  return new Promise((resolve) => {
    const maybeReport = (index: number): void => {
      if (reported[index] || !scheduledAll[index] || pending[index] > 0) return;
      reported[index] = true;
      intervals[index].rssMiB ??= settings.rssMiB();
      settings.onInterval(index, intervals[index]);
    };
    const finish = (index: number, record: (stats: IntervalStats) => void): void => {
      record(intervals[index]);
      pending[index] -= 1;
      settled += 1;
      maybeReport(index);
      if (settled === total) {
        agent.destroy();
        resolve(intervals);
      }
    };
    const send = (n: number, dueAt: number): void => {
      const index = Math.min(intervalCount - 1, Math.floor(n / settings.rate / settings.intervalSeconds));
      intervals[index].sent += 1;
      pending[index] += 1;
      const request = settings.next(n);
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.path,
          headers: {
            Authorization: settings.authorization,
            ...(body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {}),
          },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const latency = performance.now() - dueAt;
            const status = res.statusCode ?? 0;
            finish(index, (stats) => {
              if (status === 503) {
                const code = codeOf(Buffer.concat(chunks).toString('utf8'));
                stats.refused503[code] = (stats.refused503[code] ?? 0) + 1;
              } else if (status === 429) stats.refused429 += 1;
              else if (status >= 500) stats.serverErrors += 1;
              else {
                stats.accepted += 1;
                stats.latencies[request.method === 'POST' ? 'creates' : 'reads'].push(latency);
              }
            });
          });
          res.on('error', () => finish(index, (stats) => (stats.failed += 1)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish(index, (stats) => (stats.failed += 1)));
      req.end(body);
    };
    const tick = (): void => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * settings.rate) + 1);
      while (sent < due) {
        send(sent, started + (sent / settings.rate) * 1000);
        sent += 1;
      }
      // An interval is fully scheduled once the first request of the next one is due (or all are sent).
      for (let index = 0; index < intervalCount; index++) {
        if (!scheduledAll[index] && (sent >= total || sent > (index + 1) * settings.intervalSeconds * settings.rate)) {
          scheduledAll[index] = true;
          intervals[index].rssMiB = settings.rssMiB();
          maybeReport(index);
        }
      }
      if (sent < total) setTimeout(tick, TICK_MS);
    };
    tick();
  });
}

/** The WordPress error code of a 503 body (`{code, message, data}`), or `503` when it has none. */
function codeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : '503';
  } catch {
    return '503';
  }
}
