import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RestError } from '../rest/RestError';
import { sendRestError } from './sendRestError';

/** What a request that arrives after host.close() began gets (WordPress's error shape). */
// Retry-After: long enough for a restart, or for a balancer to pick another server.
const SHUTTING_DOWN = new RestError(
  'wc_host_shutting_down',
  'The server is shutting down. Please retry the request.',
  503,
  {},
  {
    'Retry-After': '5',
  },
);

/**
 * Counts the requests in flight through the host's app so host.close() can let them finish (a running batch
 * included) before the database closes; once closing, new requests are refused with 503 instead of failing later
 * on a closed database.
 */
export interface RequestGate {
  middleware: RequestHandler;
  /**
   * Refuses new requests and resolves once those in flight are answered, or after `timeoutMs` with how many were
   * still running then.
   */
  close(timeoutMs: number): Promise<number>;
}

export function createRequestGate(): RequestGate {
  let inFlight = 0;
  let closing = false;
  let whenIdle: (() => void) | null = null;

  const middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (closing) {
      sendRestError(res, SHUTTING_DOWN, { Connection: 'close' });
      return;
    }
    inFlight += 1;
    // 'close' follows the response's last byte, or a client that went away (its handler may still be running then;
    // nobody is left to receive its answer).
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) whenIdle?.();
    });
    next();
  };

  const close = (timeoutMs: number): Promise<number> => {
    closing = true;
    if (inFlight === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        whenIdle = null;
        resolve(inFlight);
      }, timeoutMs);
      whenIdle = () => {
        clearTimeout(timer);
        whenIdle = null;
        resolve(0);
      };
    });
  };

  return { middleware, close };
}
