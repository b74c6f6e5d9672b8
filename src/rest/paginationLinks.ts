import { addQueryArgs } from './php/addQueryArg';
import { urlencode } from './php/urlEncoding';
import { strval } from './php/values';

/** A top-level query name that parse_str keeps as it is (no `[`, `.`, space, `%`, `+`; not numeric). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A value that survives add_query_arg's round trip raw (build_query, then parse_str): nothing it decodes or splits. */
const PLAIN_VALUE = /^[^%+&=#?]*$/;

/**
 * The URLs of a collection's `prev`/`next` links, WordPress's
 * `add_query_arg( 'page', $n, add_query_arg( $request_params, rest_url( $route ) ) )` (setPaginationHeaders).
 *
 * That round trip parses the first call's query back and urlencodes each value. For the usual request — names and
 * values it would leave as they are, flat or one list deep, on a URL without a query — the result is each value
 * urlencoded once, which is what the plain builder writes without the two parses; anything else takes the two calls.
 * A property test compares both over random queries and URLs.
 */
export function paginationLinks(query: Record<string, unknown>, url: string): (page: number) => string {
  return plainLinks(query, url) ?? addQueryArgLinks(query, url);
}

function addQueryArgLinks(query: Record<string, unknown>, url: string): (page: number) => string {
  const base = addQueryArgs(Object.entries(query), url);
  return (page) => addQueryArgs([['page', page]], base);
}

function plainLinks(query: Record<string, unknown>, url: string): ((page: number) => string) | null {
  if (url.includes('?') || url.includes('#')) return null;
  const parts: string[] = [];
  let pageAt = -1;
  for (const [name, value] of Object.entries(query)) {
    if (!PLAIN_NAME.test(name)) return null;
    if (name === 'page') pageAt = parts.length;
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      const items: string[] = [];
      for (let index = 0; index < value.length; index++) {
        const item = plainText(value[index]);
        if (item === null) return null;
        items.push(item === '' ? `${name}%5B${index}%5D` : `${name}%5B${index}%5D=${urlencode(item)}`);
      }
      parts.push(items.join('&'));
    } else {
      const text = plainText(value);
      if (text === null) return null;
      parts.push(text === '' ? name : `${name}=${urlencode(text)}`);
    }
  }
  if (pageAt < 0) pageAt = parts.push('') - 1;
  return (page) => {
    parts[pageAt] = `page=${strval(page)}`;
    return `${url}?${parts.join('&')}`;
  };
}

/** A string or number as build_query writes it, when it survives the round trip raw; null otherwise. */
function plainText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = strval(value);
  return PLAIN_VALUE.test(text) ? text : null;
}
