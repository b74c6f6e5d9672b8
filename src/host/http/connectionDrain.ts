import net, { type Socket } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * How long a connection with no request in progress is kept once draining began. A keep-alive client that sent
 * its next request just as the signal came gets that request answered (with `Connection: close`) instead of a
 * reset; a client that sent half its headers, or nothing, is closed after it.
 */
export const IDLE_GRACE_MS = 1000;

export interface InFlight {
  requests: number;
  connections: number;
}

export interface DrainOutcome {
  /** What was still open when the bound came and was cut (zeros when everything finished in time). */
  cut: InFlight;
  elapsedMs: number;
}

export interface ConnectionDrain {
  inFlight(): InFlight;
  /**
   * Stops accepting connections, lets the requests in flight finish (their responses, and any request that arrives
   * meanwhile on an open connection, carry `Connection: close`), closes connections without a request, and at
   * `boundMs` destroys whatever is left. Resolves once no connection is open.
   */
  drain(boundMs: number): Promise<DrainOutcome>;
}

interface Connection {
  responses: Set<ServerResponse>;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Tracks the server's connections and their requests. Hand-written rather than http.Server#close(): that closes
 * idle keep-alive connections at once (a request already on its way gets ECONNRESET) and stops enforcing
 * headersTimeout, so a client that sent half its headers keeps the process alive indefinitely.
 */
export function trackConnections(server: Server, idleGraceMs = IDLE_GRACE_MS): ConnectionDrain {
  const connections = new Map<Socket, Connection>();
  let draining: Promise<DrainOutcome> | null = null;

  const closeWhenIdle = (socket: Socket, connection: Connection): void => {
    if (connection.idleTimer) clearTimeout(connection.idleTimer);
    connection.idleTimer = setTimeout(() => {
      if (connection.responses.size === 0) socket.destroy();
    }, idleGraceMs);
  };
  const lastOnItsConnection = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    const connection: Connection = { responses: new Set(), idleTimer: null };
    connections.set(socket, connection);
    socket.once('close', () => {
      if (connection.idleTimer) clearTimeout(connection.idleTimer);
      connections.delete(socket);
    });
  });
  // Before the app's own listener, so the header is set before the app can answer.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const connection = connections.get(socket);
    if (!connection) return;
    if (connection.idleTimer) clearTimeout(connection.idleTimer);
    connection.idleTimer = null;
    connection.responses.add(res);
    if (draining) lastOnItsConnection(res);
    res.once('close', () => {
      connection.responses.delete(res);
      if (draining && connection.responses.size === 0 && !socket.destroyed) closeWhenIdle(socket, connection);
    });
  });

  const inFlight = (): InFlight => {
    let requests = 0;
    for (const connection of connections.values()) requests += connection.responses.size;
    return { requests, connections: connections.size };
  };

  const drain = async (boundMs: number): Promise<DrainOutcome> => {
    const started = Date.now();
    // net.Server#close stops accepting and calls back once every connection has closed, leaving open ones to us.
    const allClosed = new Promise<void>((resolve) => {
      net.Server.prototype.close.call(server, () => resolve());
    });
    for (const [socket, connection] of connections) {
      if (connection.responses.size === 0) closeWhenIdle(socket, connection);
      else connection.responses.forEach(lastOnItsConnection);
    }
    let boundTimer: NodeJS.Timeout | undefined;
    const boundReached = new Promise<'bound'>((resolve) => {
      boundTimer = setTimeout(() => resolve('bound'), boundMs);
    });
    const first = await Promise.race([allClosed.then(() => 'closed' as const), boundReached]);
    clearTimeout(boundTimer);
    let cut: InFlight = { requests: 0, connections: 0 };
    if (first === 'bound') {
      cut = inFlight();
      for (const socket of connections.keys()) socket.destroy();
      await allClosed;
    }
    return { cut, elapsedMs: Date.now() - started };
  };

  return {
    inFlight,
    drain(boundMs) {
      draining ??= drain(boundMs);
      return draining;
    },
  };
}
