import type { RequestHandler } from 'express';
import type { ReplicaReadRouter } from '../db/replicas/readRouter';
import type { Authenticator } from '../rest/types';

/**
 * Gives every HTTP request its own read routing (src/db/replicas/readRouter.ts), by its method: GET and HEAD may read
 * from a replica, every other method reads the primary. The routing lasts until the response is closed.
 */
export function readRoutingMiddleware(router: ReplicaReadRouter): RequestHandler {
  return (req, res, next) => {
    void router.runRequest(
      req.method,
      () =>
        new Promise<void>((resolve) => {
          res.once('close', resolve);
          next();
        }),
    );
  };
}

/**
 * `authenticator`, after which the request's reads may leave the primary: the key and its user were read there (a
 * key made or revoked a moment ago counts at once), and the key is the one whose writes the request must see.
 */
export function routeReadsAfter(router: ReplicaReadRouter, authenticator: Authenticator): Authenticator {
  return async (request) => {
    try {
      await authenticator(request);
    } finally {
      router.authenticated(request.apiKey?.keyId ?? null);
    }
  };
}
