import net from 'node:net';

/** A TCP proxy in front of a server, to stall it or take it away under a running wc-host. */
export interface TcpProxy {
  /** The port clients connect to (stays the same across stop/start). */
  readonly port: number;
  /** Stops forwarding in both directions without closing anything: a database that no longer answers. */
  pause(): void;
  /** Forwards again, including what was held back. */
  resume(): void;
  /** Closes every connection and refuses new ones: a stopped database. */
  stop(): Promise<void>;
  /** Accepts connections again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a proxy on a free local port forwarding to `target`. */
export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let paused = false;
  let port = 0;

  /** Chunks held back while paused, in arrival order, with where they go. */
  const held: Array<{ to: net.Socket; chunk: Buffer }> = [];

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (paused) held.push({ to, chunk });
        else to.write(chunk);
      });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      // One side going away takes the other with it, as a real server's connection would.
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    forward(client, upstream);
    forward(upstream, client);
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const closeServer = () =>
    new Promise<void>((resolve) => {
      held.length = 0;
      for (const socket of sockets) socket.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });

  await listen();
  return {
    get port() {
      return port;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    stop: closeServer,
    start: listen,
    close: closeServer,
  };
}
