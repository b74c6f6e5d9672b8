import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DrainBounds {
  /** Bytes of the unread body thrown away at most before the connection is closed anyway. */
  maxBytes: number;
  /** How long the body is read at most. */
  maxMs: number;
  /** How long without a byte from the client ends the reading. */
  idleMs: number;
}

/** nginx's lingering_time (30 s) and lingering_timeout (5 s), and a byte bound so a fast client cannot go on forever. */
export const DRAIN_BOUNDS: DrainBounds = { maxBytes: 64 * 1024 * 1024, maxMs: 30_000, idleMs: 5_000 };

/**
 * Answers a request whose body is not going to be read (e.g. 413, too large) without the client seeing a reset
 * instead: the whole answer is written at once, with `Connection: close`, then the rest of the body is read and thrown
 * away, and only when it has ended (or a bound is reached) does the response end and Node close the socket. Closing a
 * socket with unread data makes the kernel reset the connection, and a client still uploading then reports that
 * (ECONNRESET, EPIPE) rather than the answer — nginx's lingering close exists for the same reason
 * (https://nginx.org/en/docs/http/ngx_http_core_module.html#lingering_close).
 */
export function answerWhileDraining(
  req: IncomingMessage,
  res: ServerResponse,
  answer: { status: number; contentType: string; body: string },
  bounds: DrainBounds = DRAIN_BOUNDS,
): void {
  res.statusCode = answer.status;
  res.setHeader('Content-Type', answer.contentType);
  res.setHeader('Content-Length', Buffer.byteLength(answer.body));
  res.setHeader('Connection', 'close');
  // The answer is complete on the wire (its Content-Length is met); ending the response is what closes the socket.
  res.write(answer.body);
  if (req.readableEnded || req.destroyed) {
    res.end();
    return;
  }

  let discarded = 0;
  const finish = (): void => {
    clearTimeout(overall);
    clearTimeout(idle);
    req.off('data', onData);
    req.off('end', finish);
    req.off('error', finish);
    req.off('close', finish);
    res.off('close', finish);
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer): void => {
    discarded += chunk.length;
    if (discarded > bounds.maxBytes) finish();
    else idle.refresh();
  };
  const overall = setTimeout(finish, bounds.maxMs);
  const idle = setTimeout(finish, bounds.idleMs);
  // Timers never keep a process alive that is otherwise done (the socket does while it is open).
  overall.unref();
  idle.unref();
  req.on('data', onData);
  req.on('end', finish);
  req.on('error', finish);
  req.on('close', finish);
  res.on('close', finish);
  req.resume();
}
