import type { ChildServer } from './childServer';
import { measure, probe, type Load, type Measurement } from './measure';
import type { Scenario } from './scenarios';
import { killBenchQueries, settle } from './settle';

/** A measurement with what the server process spent on it: CPU per request and its peak RSS so far. */
export type ServerFigures = Measurement & { cpuMsPerRequest: number; peakRssMiB: number };

export type ReadOutcome =
  | {
      kind: 'measured';
      /** `duration`: all connections for the duration; `few`: a handful of sequential requests (slow scenario). */
      mode: 'duration' | 'few';
      figures: ServerFigures;
      /** X-WP-Total of the first response (lists), null for a single customer. */
      total: number | null;
      /** Status of the first response. */
      status: number;
      /** The server had exited (how) and was started again for this scenario; null normally. */
      restartedAfter: string | null;
    }
  | { kind: 'timed out'; timeoutSeconds: number };

/** The server a scenario runs against, and how to get a fresh one when a request it was sent never came back. */
export interface ServerSlot {
  readonly server: ChildServer;
  restart(): Promise<void>;
}

export interface MeasureSettings {
  durationSeconds: number;
  warmUpSeconds: number;
  connections: number;
  timeoutSeconds: number;
  /** MariaDB: the bench database's URL (settle and stale statements); null on SQLite. */
  mysqlUrl: string | null;
}

/** A first response slower than this makes the scenario "slow": a few sequential requests instead of a duration. */
const SLOW_SECONDS = 1;

/**
 * One GET scenario against one server. A probe request first: if it does not answer within the timeout the scenario
 * is reported as timed out (and the server restarted: SQLite cannot abandon a statement, and a MariaDB statement is
 * killed); if it takes over a second, 2–5 sequential requests (about twice the duration in all) are measured
 * instead of a duration of load, so a slow server does not stretch the run into hours. Otherwise: an unrecorded
 * warm-up (steady state: V8 has compiled the hot paths, pools are full, one-off checks are done), then the
 * measurement with all connections. After each step the server (and MariaDB) finishes what was left in flight.
 */
export async function measureRead(
  slot: ServerSlot,
  authorization: string,
  scenario: Scenario,
  settings: MeasureSettings,
): Promise<ReadOutcome> {
  return retryIfServerDied(slot, scenario.name, settings, (restartedAfter) =>
    attemptRead(slot, authorization, scenario, settings, restartedAfter),
  );
}

/**
 * Runs `work`; if it fails because the server process had ended (a crash, or a signal from outside the bench),
 * starts a fresh one and runs `work` once more, telling it why. Any other failure is the bench's and propagates.
 */
export async function retryIfServerDied<T>(
  slot: ServerSlot,
  what: string,
  settings: MeasureSettings,
  work: (restartedAfter: string | null) => Promise<T>,
): Promise<T> {
  try {
    return await work(null);
  } catch (error) {
    const reason = slot.server.exitReason();
    if (reason === null) throw error;
    process.stderr.write(
      `   ${slot.server.name} exited (${reason}) during "${what}": started again, measuring it again\n`,
    );
    await slot.restart();
    await settle(slot.server.url, settings.mysqlUrl);
    return work(reason);
  }
}

async function attemptRead(
  slot: ServerSlot,
  authorization: string,
  scenario: Scenario,
  settings: MeasureSettings,
  restartedAfter: string | null,
): Promise<ReadOutcome> {
  const first = await probe(slot.server.url, authorization, scenario, settings.timeoutSeconds);
  if (first.timedOut) {
    await recover(slot, settings.mysqlUrl);
    return { kind: 'timed out', timeoutSeconds: settings.timeoutSeconds };
  }
  await settle(slot.server.url, settings.mysqlUrl);
  const slow = first.seconds > SLOW_SECONDS;
  if (!slow) {
    await measure(slot.server.url, authorization, scenario, {
      durationSeconds: settings.warmUpSeconds,
      connections: settings.connections,
      timeoutSeconds: settings.timeoutSeconds,
    });
    await settle(slot.server.url, settings.mysqlUrl);
  }
  const few: Load = {
    amount: Math.max(2, Math.min(5, Math.floor((2 * settings.durationSeconds) / first.seconds))),
    connections: 1,
    timeoutSeconds: settings.timeoutSeconds,
  };
  let mode: 'duration' | 'few' = slow ? 'few' : 'duration';
  let figures = await timed(
    slot.server,
    authorization,
    scenario,
    slow
      ? few
      : {
          durationSeconds: settings.durationSeconds,
          connections: settings.connections,
          timeoutSeconds: settings.timeoutSeconds,
        },
    settings.mysqlUrl,
  );
  if (figures.timeouts > 0) await recover(slot, settings.mysqlUrl);
  else if (figures.completed === 0 && mode === 'duration') {
    // Under all connections not one response came back within the duration: measure it as a slow scenario.
    mode = 'few';
    figures = await timed(slot.server, authorization, scenario, few, settings.mysqlUrl);
    if (figures.timeouts > 0) await recover(slot, settings.mysqlUrl);
  }
  return { kind: 'measured', mode, figures, total: first.total, status: first.status, restartedAfter };
}

/** A write scenario: its fixed amount of requests, no probe and no warm-up (every request changes data). */
export function measureWrite(
  server: ChildServer,
  authorization: string,
  scenario: Scenario,
  settings: MeasureSettings,
): Promise<ServerFigures> {
  return timed(
    server,
    authorization,
    scenario,
    {
      amount: scenario.amount ?? 10,
      connections: scenario.connections(settings.connections),
      timeoutSeconds: scenario.timeoutSeconds ?? settings.timeoutSeconds,
    },
    settings.mysqlUrl,
  );
}

async function timed(
  server: ChildServer,
  authorization: string,
  scenario: Scenario,
  load: Load,
  mysqlUrl: string | null,
): Promise<ServerFigures> {
  const cpuBefore = server.cpuSeconds();
  const figures = await measure(server.url, authorization, scenario, load);
  // A request abandoned after its timeout may hold the server for long: the caller restarts it instead.
  if (figures.timeouts === 0) await settle(server.url, mysqlUrl);
  // Up to the moment the server is idle again, per request it was sent: in-flight requests cost it all the same.
  const cpuMsPerRequest = figures.sent > 0 ? ((server.cpuSeconds() - cpuBefore) * 1000) / figures.sent : 0;
  return { ...figures, cpuMsPerRequest, peakRssMiB: server.peakRssMiB() };
}

/** After a request was abandoned: a fresh server process, and no statement of the bench's left running on MariaDB. */
async function recover(slot: ServerSlot, mysqlUrl: string | null): Promise<void> {
  await slot.restart();
  if (mysqlUrl) await killBenchQueries(mysqlUrl);
  await settle(slot.server.url, mysqlUrl);
}
