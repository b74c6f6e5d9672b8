/** What the base URL is computed from: the request's absolute REST root, its REST path and whether it is HTTPS. */
export interface BaseUrlSource {
  /** e.g. `http://127.0.0.1:8080/wp-json` (protocol, Host header and mount path of this request). */
  restRoot: string;
  /** e.g. `/wc/v3/customers` (no query string). */
  path: string;
  secure: boolean;
}

/**
 * The URL WooCommerce puts in the signature base string: the site's home URL plus the request path after the home
 * path, with the scheme of the current connection (`is_ssl()`), never the query string. Without a configured home URL
 * the request's own protocol, Host and path are used.
 */
export function oauthBaseUrl(source: BaseUrlSource, homeUrl: string | null): string {
  const scheme = source.secure ? 'https' : 'http';
  const requestUrl = source.restRoot + source.path;
  if (homeUrl === null) return withScheme(requestUrl, scheme);

  const requestPath = pathOf(requestUrl);
  const homeBase = `${pathOf(homeUrl).replace(/\/+$/, '')}/`;
  const relative = requestPath.startsWith(homeBase) ? requestPath.slice(homeBase.length) : requestPath;
  const home = withScheme(homeUrl.replace(/\/+$/, ''), scheme);
  // home_url( $path ): home . '/' . ltrim( $path, '/' ) when there is a path.
  const trimmed = relative.replace(/^\/+/, '');
  return trimmed === '' ? home : `${home}/${trimmed}`;
}

function withScheme(url: string, scheme: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, `${scheme}://`);
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return match && match[1] !== '' ? match[1] : '/';
}
