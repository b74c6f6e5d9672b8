import net from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/** How a connection ended: the server closed it ('end'), reset it ('ECONNRESET', …), or it is still open. */
export type ConnectionEnd = 'end' | (string & {});

/**
 * One TCP connection speaking HTTP/1.1 by hand, so a test controls exactly which request goes on which connection
 * and can send half a request.
 */
export interface RawConnection {
  /** Sends `text` as it is (e.g. half a request's headers). */
  write(text: string): void;
  /** Sends a GET on this connection and resolves with its response (rejects if the connection ends first). */
  get(path: string): Promise<RawResponse>;
  /** Resolves once the server ends or resets the connection. */
  ended: Promise<ConnectionEnd>;
  destroy(): void;
}

export async function openConnection(port: number, host = '127.0.0.1'): Promise<RawConnection> {
  const socket = net.connect(port, host);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = Buffer.alloc(0);
  let waiting: { resolve: (response: RawResponse) => void; reject: (error: Error) => void } | null = null;
  let endedAs: ConnectionEnd | null = null;
  const ended = new Promise<ConnectionEnd>((resolve) => {
    const finish = (how: ConnectionEnd) => {
      endedAs ??= how;
      waiting?.reject(new Error(`connection ended (${endedAs}) before a response`));
      waiting = null;
      resolve(endedAs);
    };
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.on('end', () => finish('end'));
    socket.on('close', () => finish('end'));
  });
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const response = takeResponse();
    if (response && waiting) {
      waiting.resolve(response);
      waiting = null;
    }
  });

  const takeResponse = (): RawResponse | null => {
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return null;
    const [statusLine, ...lines] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (buffer.length < headEnd + 4 + length) return null;
    const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headEnd + 4 + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  };

  return {
    write: (text) => socket.write(text),
    get(path) {
      return new Promise((resolve, reject) => {
        if (endedAs !== null) {
          reject(new Error(`connection already ended (${endedAs})`));
          return;
        }
        waiting = { resolve, reject };
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
    },
    ended,
    destroy: () => socket.destroy(),
  };
}
