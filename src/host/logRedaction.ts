/**
 * Field names whose values never reach a log line: credentials as WooCommerce and WordPress name them (HTTP
 * Authorization and Cookie headers, API key pairs in the query string, OAuth 1.0a signatures and consumer keys,
 * passwords in a customer's body, `user_pass` rows) and any field called `secret`. Consumer keys count: WooCommerce
 * stores only their hash and shows the last 7 characters (its `truncated_key`), which is what the host logs instead.
 */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'user_pass',
  'secret',
  'consumer_key',
  'consumer_secret',
  'oauth_consumer_key',
  'oauth_signature',
];

/**
 * pino `redact` paths for those fields at the top of a line's fields and up to two objects deep (e.g. `password`,
 * `body.password`, `request.headers.authorization`): a pino path's `*` stands for exactly one level.
 */
export const REDACTED_PATHS: string[] = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
