import { parseOAuthAuthorizationHeader } from '../oauth1/authorizationHeader';

/** What a request says about who it is, read without the database. */
export interface PresentedCredentials {
  /** How the key came: `consumer_key` in the query, HTTP Basic, or OAuth 1.0a. */
  via: 'query' | 'basic' | 'oauth';
  /** The consumer key as sent ('' when the scheme carried none). */
  consumerKey: string;
  /** The secret as sent in the query or by HTTP Basic (null for OAuth, which sends a signature instead). */
  consumerSecret: string | null;
}

/**
 * The consumer key a request presents, in the places WooCommerce looks (query, HTTP Basic, OAuth header, query or
 * form parameters), or null for a request without credentials. Only for throttling and logging: authentication itself
 * reads them as WooCommerce does.
 */
export function presentedCredentials(
  query: Record<string, unknown>,
  formBody: Record<string, unknown> | null,
  authorization: string | undefined,
): PresentedCredentials | null {
  if (typeof query.consumer_key === 'string') {
    return {
      via: 'query',
      consumerKey: query.consumer_key,
      consumerSecret: typeof query.consumer_secret === 'string' ? query.consumer_secret : null,
    };
  }
  const header = authorization?.trim() ?? '';
  if (/^basic\s/i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0
      ? { via: 'basic', consumerKey: decoded, consumerSecret: null }
      : { via: 'basic', consumerKey: decoded.slice(0, colon), consumerSecret: decoded.slice(colon + 1) };
  }
  const oauthKey = /^oauth\s/i.test(header)
    ? parseOAuthAuthorizationHeader(header).oauth_consumer_key
    : (query.oauth_consumer_key ?? formBody?.oauth_consumer_key);
  if (typeof oauthKey === 'string') return { via: 'oauth', consumerKey: oauthKey, consumerSecret: null };
  return null;
}

/** The key's last 7 characters, as WooCommerce shows it (`truncated_key`): enough to tell keys apart in a log. */
export function truncatedKey(consumerKey: string): string {
  return consumerKey.slice(-7);
}
