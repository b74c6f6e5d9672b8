import http, { type RequestListener, type Server } from 'node:http';
import type { ServerEnvConfig } from '../../config/env';
import { trackConnections, type ConnectionDrain } from './connectionDrain';

/**
 * How often Node checks requests against headersTimeout and requestTimeout. Its default, 30 s, lets a slow client
 * outlive its timeout by up to that much; a pass over the open connections each second costs next to nothing.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

export type HttpServerSettings = Pick<
  ServerEnvConfig,
  'keepAliveTimeoutMs' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections' | 'maxRequestsPerSocket'
>;

export interface HttpServer {
  server: Server;
  connections: ConnectionDrain;
}

/**
 * An HTTP server for `app` with wc-host's timeouts and connection limits (0: none), whose connections can be drained
 * on shutdown. Past maxConnections Node closes a new connection as soon as it is accepted, so the client learns at
 * once instead of queueing.
 */
export function createHttpServer(app: RequestListener, settings: HttpServerSettings): HttpServer {
  const server = http.createServer(
    {
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    app,
  );
  if (settings.maxConnections) server.maxConnections = settings.maxConnections;
  if (settings.maxRequestsPerSocket) server.maxRequestsPerSocket = settings.maxRequestsPerSocket;
  return { server, connections: trackConnections(server) };
}
