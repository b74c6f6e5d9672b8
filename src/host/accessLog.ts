import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pathWithoutQuery } from '../rest/express/pathWithoutQuery';
import { restRequestOf } from '../rest/express/restRequestOfResponse';
import type { Logger } from './types';

/** Health probes: polled every few seconds by orchestrators, so logged only at debug. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One line per request, logged when its response is done (or the client went away): method, route (the matched
 * REST route pattern, e.g. `/wc/v3/customers/(?P<id>[\d]+)`, else the REST route or URL path requested, never the
 * query string), status, duration, response bytes, the API key's id and the client's address. Nothing from the
 * query string, the headers or the body is logged, so credentials sent there cannot reach the log.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    // Read now: when the host is mounted, req.url is relative to its mount path only while the host handles it.
    const probe = PROBES.has(pathWithoutQuery(req.url));
    res.once('close', () => {
      const request = restRequestOf(res);
      const length = Number(res.getHeader('content-length'));
      const fields = {
        method: req.method,
        route: request ? request.route || request.path : pathWithoutQuery(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e3) / 1e3,
        bytes: Number.isFinite(length) ? length : null,
        key_id: request?.apiKey?.keyId ?? null,
        client: request?.clientAddress ?? req.socket.remoteAddress ?? null,
        // The client left before the whole answer was sent (the status is what the handler had set by then).
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (probe) logger.debug('request', fields);
      else logger.info('request', fields);
    });
    next();
  };
}
