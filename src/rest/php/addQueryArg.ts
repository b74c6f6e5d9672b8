import { buildQuery } from './buildQuery';
import { PhpArray, type PhpValue } from './PhpArray';
import { parseQueryToPhpArray } from './parseStr';
import { urlencode } from './urlEncoding';

/**
 * WordPress's add_query_arg( $args, $url ): the URL's own query is parsed and re-urlencoded, then `args` are set
 * (raw, as WordPress does) in order, replacing same-named keys in place; `false` removes a key. WordPress calls it
 * twice for pagination links, which is why raw request values end up encoded exactly once.
 */
export function addQueryArgs(args: Iterable<[string, unknown]>, url: string): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  let uri = hashAt < 0 ? url : url.slice(0, hashAt);

  let protocol = '';
  const scheme = /^https?:\/\//i.exec(uri);
  if (scheme) {
    protocol = scheme[0];
    uri = uri.slice(protocol.length);
  }

  let base: string;
  let query: string;
  const questionAt = uri.indexOf('?');
  if (questionAt >= 0) {
    base = uri.slice(0, questionAt + 1);
    query = uri.slice(questionAt + 1);
  } else if (protocol !== '' || !uri.includes('=')) {
    base = `${uri}?`;
    query = '';
  } else {
    base = '';
    query = uri;
  }

  const params = new Map<string | number, unknown>();
  for (const [key, value] of parseQueryToPhpArray(query).entries) params.set(key, urlencodeDeep(value));
  for (const [key, value] of args) params.set(key, value);
  for (const [key, value] of params) if (value === false) params.delete(key);

  const built = buildQuery(params)
    .replace(/^\?+|\?+$/g, '')
    .replace(/=(&|$)/g, '$1');
  return `${protocol}${base}${built}${fragment}`.replace(/\?+$/, '').replaceAll('?#', '#');
}

function urlencodeDeep(value: PhpValue): unknown {
  if (!(value instanceof PhpArray)) return urlencode(value);
  return new Map(Array.from(value.entries, ([key, item]) => [key, urlencodeDeep(item)]));
}
