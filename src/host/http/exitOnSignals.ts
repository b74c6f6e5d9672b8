import os from 'node:os';
import type { Logger } from '../types';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
export type StopSignal = (typeof SIGNALS)[number];

export interface ExitOnSignalsOptions {
  /** Runs on the first signal; the process exits with the code it resolves to (1 if it throws). */
  stop(signal: StopSignal): Promise<number>;
  /** Past this many ms after the first signal the process exits with code 1 even if `stop` has not finished. */
  hardLimitMs: number;
  /** Logs the second signal's line (what it cuts); the process exits right after. */
  onRepeat(signal: StopSignal, exitCode: number): void;
  logger: Logger;
}

/** Starts the graceful stop as a first signal would; does nothing once stopping (it never counts as a second signal). */
export type BeginStop = (signal: StopSignal) => void;

/**
 * The first SIGTERM or SIGINT stops the server gracefully; a second one exits at once with 128 + the signal's
 * number (143 for SIGTERM, 130 for SIGINT), the code a shell reports for a process the signal killed. The returned
 * function starts the same stop without a signal (a cluster worker told by its primary, src/host/cluster/).
 */
export function exitOnSignals(options: ExitOnSignalsOptions): BeginStop {
  let stopping = false;
  const begin = (signal: StopSignal): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      options.logger.error(`Shutdown did not finish within ${options.hardLimitMs} ms; exiting anyway`);
      process.exit(1);
    }, options.hardLimitMs).unref();
    options.stop(signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        options.logger.error('Shutdown failed', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: StopSignal): void => {
    if (stopping) {
      const code = 128 + os.constants.signals[signal];
      options.onRepeat(signal, code);
      process.exit(code);
    }
    begin(signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return begin;
}
