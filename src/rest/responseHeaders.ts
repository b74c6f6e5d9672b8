import type { RestRequest } from './RestRequest';

/** PHP's header( "Name: value" ): replaces a header of the same name, whatever its case, at the end of the list. */
export function replaceHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const existing of Object.keys(headers)) if (existing.toLowerCase() === lower) delete headers[existing];
  headers[name] = value;
}

/** wp_get_nocache_headers(), sent on authenticated requests so no cache keeps private data. */
export function addNoCacheHeaders(headers: Record<string, string>): void {
  replaceHeader(headers, 'Expires', 'Wed, 11 Jan 1984 05:00:00 GMT');
  replaceHeader(headers, 'Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private');
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'last-modified') delete headers[name];
}

/**
 * rest_send_cors_headers: a request with an Origin gets it echoed back with credentials allowed (as WordPress does);
 * an anonymous GET without one gets `Vary: Origin`, so shared caches keep the two apart.
 */
export function addCorsHeaders(headers: Record<string, string>, request: RestRequest, originalMethod: string): void {
  const origin = request.header('origin');
  if (origin) {
    replaceHeader(headers, 'Access-Control-Allow-Origin', origin === 'null' || isPlainOrigin(origin) ? origin : '');
    replaceHeader(headers, 'Access-Control-Allow-Methods', 'OPTIONS, GET, POST, PUT, PATCH, DELETE');
    replaceHeader(headers, 'Access-Control-Allow-Credentials', 'true');
    addVaryOrigin(headers);
  } else if (originalMethod === 'GET' && request.user === null) {
    addVaryOrigin(headers);
  }
}

/** `header( 'Vary: Origin', false )` adds to any Vary already there. */
function addVaryOrigin(headers: Record<string, string>): void {
  const existing = Object.keys(headers).find((name) => name.toLowerCase() === 'vary');
  if (existing === undefined) headers.Vary = 'Origin';
  else headers[existing] = `${headers[existing]}, Origin`;
}

/** What sanitize_url leaves intact: scheme://host[:port]. */
function isPlainOrigin(origin: string): boolean {
  return /^https?:\/\/[^\s/?#@]+$/i.test(origin);
}
