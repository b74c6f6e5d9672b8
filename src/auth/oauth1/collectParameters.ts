import { parseOAuthAuthorizationHeader } from './authorizationHeader';
import { isEmptyParam, type OAuthParamMap } from './params';

export const REQUIRED_OAUTH_PARAMS = [
  'oauth_consumer_key',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
  'oauth_signature_method',
] as const;

export type OAuthParameterResult =
  /** No OAuth parameter at all: the request is simply not using OAuth. */
  | { kind: 'absent' }
  /** Some but not all required parameters (names in WooCommerce's order). */
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'complete'; params: OAuthParamMap };

/**
 * WooCommerce's get_oauth_parameters: merge the query string and the form body (form wins, like array_merge($_GET,
 * $_POST)), then let `oauth_*` values from an `Authorization: OAuth` header override them; then check the five
 * required parameters with PHP's empty().
 */
export function collectOAuthParameters(
  query: OAuthParamMap,
  formBody: OAuthParamMap,
  authorizationHeader: string | undefined,
): OAuthParameterResult {
  const params: OAuthParamMap = { ...query, ...formBody, ...parseOAuthAuthorizationHeader(authorizationHeader) };
  const missing = REQUIRED_OAUTH_PARAMS.filter((name) => isEmptyParam(params[name]));
  if (missing.length === REQUIRED_OAUTH_PARAMS.length) return { kind: 'absent' };
  if (missing.length > 0) return { kind: 'incomplete', missing };
  return { kind: 'complete', params };
}
