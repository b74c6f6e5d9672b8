import type { IncomingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';
import { contentTypeValue, FORM_URLENCODED, isJsonContentType } from '../json/mediaType';
import { parseQuery } from '../php/parseStr';
import { RestRequest } from '../RestRequest';
import type { RestRouterOptions } from '../types';
import type { RestLocation } from './locateRestRequest';
import { MAX_INPUT_VARS } from './locateRestRequest';

const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip'];

/** The body as this router received it: raw bytes it read, or what a parent app's body parser already made of it. */
export type ReceivedBody = { raw: Buffer } | { parsed: unknown };

/**
 * Builds the RestRequest for an Express request: PHP-parsed query, the body as WordPress would see it (a JSON body is
 * parsed later, so its errors come after routing; a form body is parsed like `$_POST`), and where the request came
 * from (REST root, HTTPS, proxy, client address).
 */
export function toRestRequest(
  req: Request,
  location: RestLocation,
  body: ReceivedBody,
  options: RestRouterOptions,
): RestRequest {
  const contentType = req.headers['content-type'];
  const isJson = isJsonContentType(contentType);
  const mediaType = contentTypeValue(contentType);
  // PHP fills $_POST for urlencoded POSTs; WordPress parses other methods' bodies too when they carry no type.
  const isForm = mediaType === FORM_URLENCODED || (mediaType === null && req.method !== 'POST');

  let rawBody = '';
  let jsonBody: Record<string, unknown> | null = null;
  let formBody: Record<string, unknown> | null = null;
  if ('raw' in body) {
    rawBody = body.raw.toString('utf8');
    if (isForm && !isJson && rawBody !== '') formBody = parseQuery(rawBody, { maxVars: MAX_INPUT_VARS });
  } else if (typeof body.parsed === 'string' || Buffer.isBuffer(body.parsed)) {
    rawBody = body.parsed.toString();
    if (isForm && !isJson && rawBody !== '') formBody = parseQuery(rawBody, { maxVars: MAX_INPUT_VARS });
  } else if (body.parsed !== null && typeof body.parsed === 'object' && !Array.isArray(body.parsed)) {
    const parsed = body.parsed as Record<string, unknown>;
    if (isJson) jsonBody = parsed;
    else if (isForm) formBody = parsed;
  }

  const secure =
    isTlsSocket(req.socket) || (options.trustProxy && firstValue(req.headers['x-forwarded-proto']) === 'https');
  return new RestRequest({
    method: req.method,
    path: location.path,
    headers: flattenHeaders(req.headers),
    query: location.query,
    jsonBody,
    formBody,
    rawBody,
    restRoot: restRootFor(req, secure, options.homeUrl),
    secure,
    remoteAddress: req.socket.remoteAddress ?? '',
    proxied: PROXY_HEADERS.some((name) => req.headers[name] !== undefined),
    clientAddress: clientAddress(req, options.trustProxy),
  });
}

/**
 * Who sent the request: the socket's peer, or behind a trusted proxy the last X-Forwarded-For entry — the address
 * that proxy itself saw (entries before it are whatever the client chose to send).
 */
function clientAddress(req: Request, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? '';
  if (!trustProxy) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((entry) => entry.trim());
  return entries.filter((entry) => entry !== '').pop() ?? peer;
}

/** The configured home URL, else this request's scheme, Host and mount path; then `/wp-json`. */
function restRootFor(req: Request, secure: boolean, homeUrl: string | null): string {
  if (homeUrl) return `${homeUrl.replace(/\/+$/, '')}/wp-json`;
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.baseUrl}/wp-json`;
}

function isTlsSocket(socket: Request['socket']): boolean {
  return (socket as Partial<TLSSocket>).encrypted === true;
}

function firstValue(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? '').split(',')[0].trim().toLowerCase();
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
