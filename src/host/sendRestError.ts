import type { Response } from 'express';
import { phpJsonEncode } from '../rest/json/encode';
import type { RestError } from '../rest/RestError';

/**
 * Answers with `error` in WordPress's shape and its headers, straight from a middleware (before the REST router, so
 * before any body is read or anything runs).
 */
export function sendRestError(res: Response, error: RestError, headers: Record<string, string> = {}): void {
  const body = phpJsonEncode(error.toJSON());
  res.statusCode = error.status;
  for (const [name, value] of Object.entries({ ...error.headers, ...headers })) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=UTF-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
