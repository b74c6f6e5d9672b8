import http, { type RequestListener, type Server } from 'node:http';
import type { ServerEnvConfig } from '../../config/env';
import { trackConnections, type ConnectionDrain } from './connectionDrain';

/**
 * How often Node checks requests against headersTimeout and requestTimeout. Its default, 30 s, lets a slow client
 * outlive its timeout by up to that much; a pass over the open connections each second costs next to nothing.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

export type HttpTimeouts = Pick<ServerEnvConfig, 'keepAliveTimeoutMs' | 'headersTimeoutMs' | 'requestTimeoutMs'>;

export interface HttpServer {
  server: Server;
  connections: ConnectionDrain;
}

/** An HTTP server for `app` with wc-host's timeouts, whose connections can be drained on shutdown. */
export function createHttpServer(app: RequestListener, timeouts: HttpTimeouts): HttpServer {
  const server = http.createServer(
    {
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    app,
  );
  return { server, connections: trackConnections(server) };
}
