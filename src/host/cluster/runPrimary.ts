import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Logger } from '../types';
import type { StopSignal } from '../http/exitOnSignals';
import { hostPort } from '../http/listen';
import { DEFAULT_RESTART_BACKOFF, RestartBackoff, type RestartBackoffSettings } from './restartBackoff';
import { stopMessage } from './workerStop';

export interface PrimaryOptions {
  workers: number;
  /** WC_HOST_SHUTDOWN_TIMEOUT_MS: each worker's drain bound. */
  shutdownTimeoutMs: number;
  logger: Logger;
  /** Runs once before any worker is forked: migrations and seeding, which must not run once per worker. */
  prepare(): Promise<void>;
  backoff?: RestartBackoffSettings;
}

/** One of the n worker places: the process serving it now, and its restart history. */
interface Slot {
  index: number;
  backoff: RestartBackoff;
  worker?: Worker;
  startedAt: number;
  listening: boolean;
  restart?: NodeJS.Timeout;
}

/** What a worker may take past the drain bound to close its database and exit (its own hard limit is bound + 1 s). */
const WORKER_EXIT_GRACE_MS = 2000;
const SIGNALS: readonly StopSignal[] = ['SIGTERM', 'SIGINT'];

/**
 * The cluster primary of `serve --workers n` (node:cluster): prepares the database once, forks n workers that each
 * run the ordinary serve path on the same port (the primary holds the socket and hands connections out in turn),
 * restarts a worker that dies (at once, then backing off while it keeps dying), and on SIGTERM/SIGINT has every
 * worker drain as a single process does and exits 0 once all have. A second signal kills the workers and exits at
 * once (143/130). If a worker dies before any worker was ever listening (a taken port, an unreachable database), the
 * primary stops the others and exits 1: restarting would only repeat the failure.
 */
export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const { logger, workers } = options;
  await options.prepare();

  const slots: Slot[] = Array.from({ length: workers }, (_, index) => ({
    index,
    backoff: new RestartBackoff(options.backoff ?? DEFAULT_RESTART_BACKOFF),
    startedAt: 0,
    listening: false,
  }));
  let everListening = false;
  let stopping: { signal: StopSignal; started: number; failed: number } | null = null;

  const live = (): Worker[] => slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
  const describe = (worker: Worker): string => `worker ${worker.id} (pid ${worker.process.pid})`;

  const fork = (slot: Slot): void => {
    slot.restart = undefined;
    const worker = cluster.fork();
    slot.worker = worker;
    slot.startedAt = Date.now();
    slot.listening = false;
    worker.once('listening', (address: { address: string | null; port: number }) => {
      slot.listening = true;
      if (everListening) {
        logger.info(`${describe(worker)} is listening again`);
        return;
      }
      if (slots.every((other) => other.listening)) {
        everListening = true;
        logger.info(
          `wc-host: all ${workers} workers listening on http://${hostPort(address.address ?? '127.0.0.1', address.port)}/wp-json/ ` +
            `(pids ${live()
              .map((w) => w.process.pid)
              .join(', ')})`,
        );
      }
    });
    worker.once('exit', (code, signal) => onExit(slot, worker, code, signal));
  };

  const onExit = (slot: Slot, worker: Worker, code: number | null, signal: string | null): void => {
    slot.worker = undefined;
    slot.listening = false;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      if (code !== 0) stopping.failed += 1;
      logger.info(`${describe(worker)} exited with ${how}`);
      if (live().length === 0) finishStopping();
      return;
    }
    if (!everListening) {
      logger.error(`${describe(worker)} exited with ${how} before the workers were listening; stopping`);
      for (const other of live()) other.process.kill('SIGKILL');
      process.exit(1);
    }
    const delay = slot.backoff.delayAfter(Date.now() - slot.startedAt);
    logger.warn(
      `${describe(worker)} exited with ${how}; restarting it${delay > 0 ? ` in ${delay} ms (it keeps dying)` : ''}`,
      {
        worker: worker.id,
        workerPid: worker.process.pid,
        code,
        signal,
        restartInMs: delay,
      },
    );
    slot.restart = setTimeout(() => fork(slot), delay);
  };

  const finishStopping = (): void => {
    if (!stopping) return;
    const { signal, started, failed } = stopping;
    if (failed > 0) {
      logger.error(
        `wc-host stopped (${signal}) after ${Date.now() - started} ms; ${failed} worker(s) did not exit cleanly`,
      );
      process.exit(1);
    }
    logger.info(`wc-host stopped (${signal}) after ${Date.now() - started} ms: all ${workers} workers drained`);
    process.exit(0);
  };

  const onSignal = (signal: StopSignal): void => {
    if (stopping) {
      const code = 128 + os.constants.signals[signal];
      const running = live();
      logger.warn(
        `${signal} received again: exiting now with code ${code}, killing ${running.length} worker(s) still draining`,
      );
      for (const worker of running) worker.process.kill('SIGKILL');
      process.exit(code);
    }
    stopping = { signal, started: Date.now(), failed: 0 };
    for (const slot of slots) clearTimeout(slot.restart);
    const running = live();
    logger.info(
      `${signal} received: ${running.length} worker(s) finishing their requests in flight ` +
        `(at most ${options.shutdownTimeoutMs} ms; send it again to exit at once)`,
    );
    for (const worker of running) {
      if (worker.isConnected()) worker.send(stopMessage(signal));
      else worker.process.kill(signal);
    }
    const hardLimitMs = options.shutdownTimeoutMs + WORKER_EXIT_GRACE_MS;
    setTimeout(() => {
      const left = live();
      logger.error(
        `Shutdown did not finish within ${hardLimitMs} ms; killing ${left.length} worker(s) and exiting anyway`,
      );
      for (const worker of left) worker.process.kill('SIGKILL');
      process.exit(1);
    }, hardLimitMs).unref();
    if (running.length === 0) finishStopping();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);

  logger.info(`wc-host primary (pid ${process.pid}) starting ${workers} workers`);
  for (const slot of slots) fork(slot);
}
