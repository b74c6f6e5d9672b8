import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** A bind failure, with a message that names the address and says what to change. */
export class ListenError extends Error {
  readonly code: string | undefined;

  constructor(cause: NodeJS.ErrnoException, host: string, port: number) {
    super(`Cannot listen on ${hostPort(host, port)}: ${reason(cause)}`);
    this.name = 'ListenError';
    this.code = cause.code;
  }
}

/**
 * Starts listening; resolves with the bound address only once the socket is really listening, and rejects with a
 * ListenError when it cannot bind (Express 5's app.listen hands that error to its callback as if it had succeeded).
 */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new ListenError(error, host, port));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** `127.0.0.1:8080`, `[::1]:8080`. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function reason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'the address is already in use (EADDRINUSE). Stop the program using that port, or set PORT to a free one.';
    case 'EADDRNOTAVAIL':
      return 'this machine has no such address (EADDRNOTAVAIL). Set HOST to one of its addresses, e.g. 127.0.0.1, or 0.0.0.0 for all.';
    case 'EACCES':
      return 'permission denied (EACCES). Ports below 1024 need privileges; set PORT to 1024 or above, or put a proxy in front.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${error.code}). Set HOST to an IP address of this machine, e.g. 127.0.0.1.`;
    default:
      return error.message;
  }
}
