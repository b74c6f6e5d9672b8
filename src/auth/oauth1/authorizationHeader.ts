import { urldecode } from '../../rest/php/urlEncoding';
import { isPhpEmptyString } from '../../wp/phpEmpty';

/**
 * Reads `oauth_*` parameters from an `Authorization: OAuth …` header the way WooCommerce's parse_header does:
 * the header must start with `OAuth ` (after trimming), values may be quoted or bare, they are urldecoded,
 * and anything that is not an `oauth_…` name (such as `realm`) is ignored.
 */
export function parseOAuthAuthorizationHeader(header: string | undefined): Record<string, string> {
  const trimmed = (header ?? '').trim();
  if (!trimmed.startsWith('OAuth ')) return {};
  const params: Record<string, string> = {};
  // WooCommerce's pattern, including its `(:?` (an optional colon, not a non-capturing group).
  const pattern = /(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))/g;
  for (const match of trimmed.matchAll(pattern)) {
    const quoted = match[3] ?? '';
    const bare = match[4] ?? '';
    // PHP: empty($quoted) ? $bare : $quoted — so a quoted "" or "0" yields the (empty) bare group.
    params[match[1]] = urldecode(isPhpEmptyString(quoted) ? bare : quoted);
  }
  return params;
}
