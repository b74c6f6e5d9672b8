import type { RestRequest } from '../RestRequest';

export type MethodOverride = 'query' | 'header' | null;

/**
 * HTTP method override for clients that cannot send PUT/PATCH/DELETE: `?_method=` first, then the
 * `X-HTTP-Method-Override` header. Honoured only on POST, so a plain GET (a link, an image) can never delete.
 */
export function applyMethodOverride(request: RestRequest): MethodOverride {
  if (request.method !== 'POST') return null;
  const fromQuery = request.query._method;
  if (typeof fromQuery === 'string' && fromQuery !== '') {
    request.method = fromQuery.toUpperCase() as RestRequest['method'];
    return 'query';
  }
  const fromHeader = request.header('x-http-method-override');
  if (fromHeader) {
    request.method = fromHeader.toUpperCase() as RestRequest['method'];
    return 'header';
  }
  return null;
}
