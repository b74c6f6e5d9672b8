import type { ServerEnvConfig } from '../../config/env';
import type { Host } from '../types';
import { createHttpServer } from './createHttpServer';
import { exitOnSignals, type BeginStop, type StopSignal } from './exitOnSignals';
import { hostPort, listen } from './listen';

export interface ServeOptions extends ServerEnvConfig {
  port: number;
  host: string;
}

/** What closing the database may take after the shutdown bound before the process gives up on it. */
const DATABASE_CLOSE_GRACE_MS = 1000;

/**
 * Serves `host.app` until SIGTERM/SIGINT: logs "listening" only once bound; a bind failure closes the host and
 * rejects with a ListenError. On a signal it drains the connections within WC_HOST_SHUTDOWN_TIMEOUT_MS, closes the
 * host and exits 0. Resolves with the function that starts that same stop without a signal.
 */
export async function serveHost(host: Host, options: ServeOptions): Promise<BeginStop> {
  const { server, connections } = createHttpServer(host.app, options);
  let port: number;
  try {
    ({ port } = await listen(server, options.port, options.host));
  } catch (error) {
    await host.close();
    throw error;
  }
  const { logger } = host;
  logger.info(`wc-host listening on http://${hostPort(options.host, port)}/wp-json/`);

  const bound = options.shutdownTimeoutMs;
  const stop = async (signal: StopSignal): Promise<number> => {
    const started = Date.now();
    const { requests } = connections.inFlight();
    logger.info(
      `${signal} received: accepting no new connections, finishing ${requests} request(s) in flight ` +
        `(at most ${bound} ms; send it again to exit at once)`,
    );
    const { cut, elapsedMs } = await connections.drain(bound);
    if (cut.connections > 0) {
      logger.warn(
        `Shutdown bound of ${bound} ms (WC_HOST_SHUTDOWN_TIMEOUT_MS) reached: cut ${cut.requests} request(s) in flight ` +
          `and closed ${cut.connections} connection(s)`,
      );
    }
    await host.close({ timeoutMs: Math.max(0, bound - elapsedMs) });
    logger.info(`wc-host stopped (${signal}) after ${Date.now() - started} ms`);
    return 0;
  };
  return exitOnSignals({
    stop,
    hardLimitMs: bound + DATABASE_CLOSE_GRACE_MS,
    logger,
    onRepeat(signal, exitCode) {
      const { requests, connections: open } = connections.inFlight();
      logger.warn(
        `${signal} received again: exiting now with code ${exitCode}, cutting ${requests} request(s) in flight on ${open} connection(s)`,
      );
    },
  });
}
