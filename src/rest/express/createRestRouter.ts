import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../host/types';
import { databaseUnavailableError, internalServerError } from '../errors';
import { phpJsonEncode } from '../json/encode';
import { RestError } from '../RestError';
import type { RestRequest } from '../RestRequest';
import type { RestResponse } from '../RestResponse';
import { serializeBody } from '../serializeBody';
import type { RestRouterOptions } from '../types';
import { INVALID_REST_ROUTE, locateRestRequest, type RestLocation } from './locateRestRequest';
import { answerWhileDraining } from './answerWhileDraining';
import { BODY_TOO_LARGE, readRawBody } from './readBody';
import { toRestRequest, type ReceivedBody } from './toRestRequest';
import { DEADLINE_PASSED, withinDeadline } from '../../async/withinDeadline';
import { linkRestRequest } from './restRequestOfResponse';
import { pathWithoutQuery } from './pathWithoutQuery';

const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/**
 * The Express adapter: answers every REST request itself (it never passes one to the parent's error handler) and
 * calls `next()` for everything else. It reads the body on its own, unless a parent's body parser already did.
 * A request not answered within `options.requestTimeoutMs` of its body's arrival gets 503 `wc_host_db_unavailable`.
 */
export function createRestRouter(
  handle: (request: RestRequest) => Promise<RestResponse>,
  options: RestRouterOptions,
  logger: Logger,
): RequestHandler {
  // A plain middleware rather than a Router: a nested router is one more layer walk on every request.
  return (req: Request, res: Response, next: NextFunction): void => {
    const location = locateRestRequest(req.url);
    if (location === null) {
      next();
      return;
    }
    serve(req, res, location).catch((error: unknown) => {
      logger.error('Could not answer a REST request', {
        path: pathWithoutQuery(req.originalUrl),
        error: error instanceof Error ? error.stack : String(error),
      });
      if (res.headersSent) res.destroy();
      else sendError(res, internalServerError());
    });
  };

  async function serve(req: Request, res: Response, location: RestLocation | typeof INVALID_REST_ROUTE): Promise<void> {
    if (location === INVALID_REST_ROUTE) {
      sendError(res, new RestError('rest_path_invalid_type', 'The REST route parameter must be a string.', 400));
      return;
    }
    let body: ReceivedBody | typeof BODY_TOO_LARGE;
    try {
      body = await receiveBody(req);
    } catch {
      // The client went away mid-body: nobody is left to answer.
      res.destroy();
      return;
    }
    if (body === BODY_TOO_LARGE) {
      // Answered while the client may still be uploading: the rest is read and discarded (bounded) before closing.
      const error = new RestError('rest_request_too_large', 'The request body is too large.', 413);
      answerWhileDraining(req, res, {
        status: error.status,
        contentType: JSON_CONTENT_TYPE,
        body: phpJsonEncode(error.toJSON()),
      });
      return;
    }
    const request = toRestRequest(req, location, body, options);
    linkRestRequest(res, request);
    const timeoutMs = options.requestTimeoutMs ?? 0;
    const response = await withinDeadline(handle(request), timeoutMs);
    if (response === DEADLINE_PASSED) {
      logger.warn('A REST request passed its deadline and was answered 503', {
        method: request.method,
        path: request.path,
        timeoutMs,
      });
      sendError(
        res,
        databaseUnavailableError(
          'The request could not be answered in time; the database may be slow or unavailable. Please try again shortly.',
        ),
      );
      return;
    }
    send(res, request, response);
  }

  function send(res: Response, request: RestRequest, response: RestResponse): void {
    res.statusCode = isValidStatus(response.status) ? response.status : 500;
    for (const [name, value] of Object.entries(response.headers)) {
      try {
        // WordPress folds whitespace runs in header values (RFC 2616 §4.2), so a value can never split a header.
        res.setHeader(name, value.replace(/\s+/g, ' '));
      } catch (error) {
        logger.warn('Dropped a REST response header Node refused', { header: name, error: (error as Error).message });
      }
    }
    const body = serializeBody(request, response);
    if (body === null) {
      res.end();
      return;
    }
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  }
}

/** The raw body, or what a parent's parser left in `req.body` when it already consumed the stream. */
async function receiveBody(req: Request): Promise<ReceivedBody | typeof BODY_TOO_LARGE> {
  if (req.readableEnded) return req.body === undefined ? { raw: Buffer.alloc(0) } : { parsed: req.body };
  const raw = await readRawBody(req);
  return raw === BODY_TOO_LARGE ? raw : { raw };
}

/** For the few answers given before a RestRequest exists. */
function sendError(res: Response, error: RestError): void {
  const body = phpJsonEncode(error.toJSON());
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function isValidStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 100 && status <= 999;
}
