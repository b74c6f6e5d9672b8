import type { StoredApiKey } from './apiKeys';
import { AUTH_MESSAGES, authenticationError } from './authErrors';
import { constantTimeEquals } from './constantTime';
import { currentUserFromRow, loadCurrentUser, type CurrentUserRow } from './currentUser';
import { findKeyWithUser } from './findKeyWithUser';
import { isKeyPermission, keyMethodError } from './keyPermissions';
import { plainKeysRefusal } from './keyTransportPolicy';
import { isLastAccessStale, writeLastAccess } from './lastAccess';
import { oauthBaseUrl } from './oauth1/baseUrl';
import { verifyOAuthRequest } from './oauth1/verifyOAuthRequest';
import { createBasicCredentialsReader, readPlainKeyCredentials } from './plainKeyCredentials';
import { nowSiteMysql } from '../wp/siteTime';
import type { RestError } from '../rest/RestError';
import type { RestRequest } from '../rest/RestRequest';
import type { Authenticator } from '../rest/types';
import type { Db } from '../db/types';
import type { Hooks } from '../hooks/types';
import type { HostConfig, Logger, OptionsApi } from '../host/types';
import type { AuthenticatedKey } from './types';
import type { AuthThrottle } from './throttle/authThrottle';
import { presentedCredentials } from './throttle/presentedConsumerKey';

export interface WooCommerceAuthenticatorDeps {
  db: Db;
  options: OptionsApi;
  config: HostConfig;
  hooks: Hooks;
  logger: Logger;
  /** Refuses clients that keep failing, and logs every failure. */
  throttle: AuthThrottle;
}

/**
 * WooCommerce's REST authentication (WC_REST_Authentication) for routes under `wc/` and `wc-` namespaces:
 * 1. a consumer key and secret as such (query `consumer_key`/`consumer_secret`, else HTTP Basic) over HTTPS — or over
 *    plain HTTP from an unproxied loopback client (see mayUsePlainKeys; a refused one is logged at info with why);
 * 2. otherwise one-legged OAuth 1.0a;
 * then the key's read/write permissions gate the method. Any failure is WooCommerce's 401 error. A request without
 * credentials stays anonymous and the endpoint's own permission check answers it.
 */
export function createWooCommerceAuthenticator(deps: WooCommerceAuthenticatorDeps): Authenticator {
  const readBasic = createBasicCredentialsReader();

  return async (request: RestRequest): Promise<void> => {
    if (!(await isRequestToWooCommerceApi(request, deps.hooks))) return;
    const presented = presentedCredentials(request.query, request.formBody, request.header('authorization'));
    const refusal = deps.throttle.refusalBeforeAuthentication(request.clientAddress, presented);
    if (refusal) throw refusal;
    const failed = (reason: string, keyId: number | null, storedSecret?: string) =>
      deps.throttle.failed({
        clientAddress: request.clientAddress,
        credentials: presented,
        keyId,
        storedSecret,
        reason,
        method: request.method,
        path: request.path,
      });

    let error: RestError | null = null;
    /** The stored key a failure named. */
    let failedKeyId: number | null = null;
    /** The stored secret of a key sent with a wrong one. */
    let failedKeySecret: string | undefined;
    let key: StoredApiKey | null = null;
    /** The key's user as the plain-key lookup already read it (undefined: not read yet). */
    let keyUser: CurrentUserRow | null | undefined;

    const plainRefusal = plainKeysRefusal(request, deps.config);
    const credentials = await readPlainKeyCredentials(request.query, request.header('authorization'), readBasic);
    if (credentials && plainRefusal !== null) {
      // Never the key or the secret: only that they were ignored, and why.
      deps.logger.info('API key sent as such was not used', {
        path: request.path,
        client: request.clientAddress,
        reason: plainRefusal,
      });
    } else if (credentials) {
      // An unknown key is silently not authenticated (WooCommerce); a known key with a wrong secret is an error.
      const found = await findKeyWithUser(deps.db, credentials.consumerKey);
      if (found && constantTimeEquals(found.key.consumerSecret, credentials.consumerSecret)) {
        key = found.key;
        keyUser = found.user;
      } else if (found) {
        error = authenticationError(AUTH_MESSAGES.invalidSecret);
        [failedKeyId, failedKeySecret] = [found.key.keyId, found.key.consumerSecret];
      } else {
        // WooCommerce answers an unknown key as anonymous, but it is a guess all the same: counted and logged.
        await failed('unknown consumer key', null);
      }
    }

    if (!key) {
      const outcome = await verifyOAuthRequest(
        deps.db,
        {
          method: request.method,
          query: request.query,
          formBody: request.formBody,
          authorization: request.header('authorization'),
          baseUrl: oauthBaseUrl(request, deps.config.homeUrl),
        },
        Math.floor(Date.now() / 1000),
      );
      if (outcome.kind === 'failed') [error, failedKeyId, failedKeySecret] = [outcome.error, outcome.keyId, undefined];
      if (outcome.kind === 'authenticated') key = outcome.key;
    }

    // WooCommerce keeps the last error even when a later method succeeded, and answers with it.
    if (error) throw (await failed(error.message, failedKeyId, failedKeySecret)) ?? error;
    if (!key) return;
    const overRate = await deps.throttle.keyRequestRefusal(key.keyId);
    if (overRate) throw overRate;

    const methodError = keyMethodError(key.permissions, request.method);
    if (methodError) throw methodError;

    request.apiKey = toAuthenticatedKey(key);
    // A key whose user no longer exists authenticates nobody, as WordPress's wp_set_current_user() with a missing ID.
    request.user =
      keyUser === undefined
        ? await loadCurrentUser(deps.db, deps.options, key.userId)
        : keyUser && (await currentUserFromRow(deps.db, deps.options, keyUser));
    await recordAccess(deps, key);
  };
}

/** Only WooCommerce namespaces take API keys (filterable like `woocommerce_rest_is_request_to_rest_api`). */
async function isRequestToWooCommerceApi(request: RestRequest, hooks: Hooks): Promise<boolean> {
  const route = request.path.replace(/^\/+/, '');
  const isWooCommerceRoute = route.startsWith('wc/') || route.startsWith('wc-');
  return Boolean(await hooks.applyFilters('woocommerce_rest_is_request_to_rest_api', isWooCommerceRoute, request));
}

/** `last_access` in site time, unless `woocommerce_disable_rest_api_access_log` says no or it was written < 60 s ago. */
async function recordAccess(deps: WooCommerceAuthenticatorDeps, key: StoredApiKey): Promise<void> {
  const disabled: unknown = await deps.hooks.applyFilters(
    'woocommerce_disable_rest_api_access_log',
    false,
    key.keyId,
    key.userId,
  );
  if (disabled) return;
  const now = await nowSiteMysql(deps.options);
  if (isLastAccessStale(key.lastAccess, now)) await writeLastAccess(deps.db, key.keyId, now);
}

function toAuthenticatedKey(key: StoredApiKey): AuthenticatedKey {
  // Only OPTIONS gets here with a stored value other than the three (WooCommerce allows it with any key): call it read.
  const permissions = isKeyPermission(key.permissions) ? key.permissions : 'read';
  return { keyId: key.keyId, userId: key.userId, permissions };
}
