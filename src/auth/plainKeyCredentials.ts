import { Passport } from 'passport';
import { BasicStrategy } from 'passport-http';
import { isPhpEmptyString } from '../wp/phpEmpty';

/** A consumer key and secret sent as such (not signed). */
export interface PlainKeyCredentials {
  consumerKey: string;
  consumerSecret: string;
}

type Middleware = (req: object, res: object, next: (error?: unknown) => void) => void;

/**
 * Reads `Authorization: Basic` credentials with passport-http's BasicStrategy, through a Passport instance of its own
 * (never the global singleton, so several hosts in one process stay independent). The strategy only parses the header;
 * the key lookup and the secret check are WooCommerce's and happen afterwards.
 */
export function createBasicCredentialsReader(): (
  authorization: string | undefined,
) => Promise<PlainKeyCredentials | null> {
  const passport = new Passport();
  passport.use(
    'wc-host-basic',
    new BasicStrategy((consumerKey, consumerSecret, done) => done(null, { consumerKey, consumerSecret })),
  );
  return (authorization) =>
    new Promise((resolve, reject) => {
      const settle = (error: unknown, credentials?: PlainKeyCredentials | false): void => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(credentials || null);
      };
      const middleware = passport.authenticate('wc-host-basic', { session: false }, settle) as Middleware;
      middleware({ headers: { authorization } }, {}, (error) => settle(error));
    });
}

/**
 * WooCommerce's order of preference: `consumer_key` and `consumer_secret` in the query string when both are non-empty,
 * otherwise HTTP Basic.
 */
export async function readPlainKeyCredentials(
  query: Record<string, unknown>,
  authorization: string | undefined,
  readBasic: (authorization: string | undefined) => Promise<PlainKeyCredentials | null>,
): Promise<PlainKeyCredentials | null> {
  const consumerKey = query.consumer_key;
  const consumerSecret = query.consumer_secret;
  if (isFilledString(consumerKey) && isFilledString(consumerSecret)) return { consumerKey, consumerSecret };
  const basic = await readBasic(authorization);
  return basic && isFilledString(basic.consumerKey) && isFilledString(basic.consumerSecret) ? basic : null;
}

/** Not PHP-empty: a string other than '' and '0'. */
function isFilledString(value: unknown): value is string {
  return typeof value === 'string' && !isPhpEmptyString(value);
}
