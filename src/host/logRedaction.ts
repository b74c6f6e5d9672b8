/**
 * Field names whose values never reach a log line: credentials as WooCommerce and WordPress name them (HTTP
 * Authorization and Cookie headers, API key pairs in the query string, OAuth 1.0a signatures and consumer keys,
 * passwords in a customer's body, `user_pass` rows) and any field called `secret`. Consumer keys count: WooCommerce
 * stores only their hash and shows the last 7 characters (its `truncated_key`), which is what the host logs instead.
 */
export const SECRET_FIELDS = [
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

/** How many levels of a line's fields are redacted: the top and up to two objects deep. */
const REDACTED_LEVELS = 3;

/**
 * pino `redact` paths for those fields on each of those levels (e.g. `password`, `body.password`,
 * `request.headers.authorization`): a pino path's `*` stands for exactly one level.
 */
export const REDACTED_PATHS: string[] = SECRET_FIELDS.flatMap((field) =>
  Array.from({ length: REDACTED_LEVELS }, (_, depth) => [...Array<string>(depth).fill('*'), field].join('.')),
);

const SECRET_FIELD_NAMES = new Set(SECRET_FIELDS);

/**
 * Whether a line's fields hold a secret field where REDACTED_PATHS reach (the top and two objects deep, arrays'
 * items counting as an object's values, as pino's `*` does). A line that holds none is written as it is: pino's
 * redaction copies a line's objects for every line (about a tenth of what a request allocated), though an access
 * line never holds a secret.
 */
export function holdsSecretField(value: unknown, depth = REDACTED_LEVELS): boolean {
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  for (const key of Object.keys(value)) {
    if (SECRET_FIELD_NAMES.has(key)) return true;
    if (holdsSecretField((value as Record<string, unknown>)[key], depth - 1)) return true;
  }
  return false;
}
