import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../host/types';
import type { RestError } from '../../rest/RestError';
import { createAttemptCounter, type AttemptLimit } from './attemptCounter';
import { truncatedKey, type PresentedCredentials } from './presentedConsumerKey';
import { rateLimitExceeded } from './rateLimitExceeded';

export interface AuthThrottleSettings {
  /** Failures of one address with one consumer key: past them, that pair is refused before any database read. */
  perAddressAndKey: AttemptLimit;
  /** Failures of one address, whatever keys it tries: past them, the address is refused. */
  perAddress: AttemptLimit;
  /** Failures against one existing key from anywhere: past them, wrong secrets for it get 429 (the right one still works). */
  perKey: AttemptLimit;
  /** Requests per API key (every request, not only failures); `attempts` 0: off. */
  keyRequests: AttemptLimit;
}

/** One failed authentication, as the audit log records it (never a secret or a signature). */
export interface AuthFailure {
  clientAddress: string;
  credentials: PresentedCredentials | null;
  /** The stored key that was named, when it exists. */
  keyId: number | null;
  reason: string;
  method: string;
  path: string;
}

/**
 * Throttling of failed authentications, and an audit line for each. A client that keeps failing is refused with
 * 429 before its credentials cost a query; another client — or the same address with a key that works — is not.
 */
export class AuthThrottle {
  private readonly pairs;
  private readonly addresses;
  private readonly keys;
  private readonly keyRequests;

  constructor(
    dataSource: DataSource,
    tablePrefix: string,
    private readonly settings: AuthThrottleSettings,
    private readonly logger: Logger,
  ) {
    this.pairs = createAttemptCounter(dataSource, tablePrefix, 'auth_pair', settings.perAddressAndKey);
    this.addresses = createAttemptCounter(dataSource, tablePrefix, 'auth_address', settings.perAddress);
    this.keys = createAttemptCounter(dataSource, tablePrefix, 'auth_key', settings.perKey);
    this.keyRequests = createAttemptCounter(dataSource, tablePrefix, 'key_requests', settings.keyRequests);
  }

  /** The 429 for a request from a blocked address, or with a blocked address-and-key pair; else null. */
  refusalBeforeAuthentication(clientAddress: string, credentials: PresentedCredentials | null): RestError | null {
    const address = this.addresses.blockedForMs(clientAddress);
    if (address > 0) return rateLimitExceeded(address, this.settings.perAddress.attempts);
    if (!credentials) return null;
    const pair = this.pairs.blockedForMs(pairKey(clientAddress, credentials));
    return pair > 0 ? rateLimitExceeded(pair, this.settings.perAddressAndKey.attempts) : null;
  }

  /**
   * Logs and counts a failed authentication. Resolves with the 429 to answer instead of WooCommerce's 401 when the
   * named key is under attack from many addresses; null to answer as WooCommerce does.
   */
  async failed(failure: AuthFailure): Promise<RestError | null> {
    const { clientAddress, credentials, keyId } = failure;
    this.logger.info('authentication failed', {
      client: clientAddress,
      via: credentials?.via ?? null,
      key: credentials ? truncatedKey(credentials.consumerKey) : null,
      reason: failure.reason,
      method: failure.method,
      path: failure.path,
    });
    const keyBlocked = keyId === null ? 0 : this.keys.blockedForMs(String(keyId));
    const [address, pair] = await Promise.all([
      this.addresses.count(clientAddress),
      credentials ? this.pairs.count(pairKey(clientAddress, credentials)) : 0,
      keyId === null || keyBlocked > 0 ? 0 : this.keys.count(String(keyId)),
    ]);
    if (address > 0 || pair > 0) {
      const seconds = Math.ceil(Math.max(address, pair) / 1000);
      this.logger.info('authentication throttled', { client: clientAddress, key: credentials ? truncatedKey(credentials.consumerKey) : null, seconds });
    }
    return keyBlocked > 0 ? rateLimitExceeded(keyBlocked, this.settings.perKey.attempts) : null;
  }

  /** The 429 for a key past its request rate (when one is set), else null (and the request is counted). */
  async keyRequestRefusal(keyId: number): Promise<RestError | null> {
    const blocked = this.keyRequests.blockedForMs(String(keyId));
    if (blocked > 0) return rateLimitExceeded(blocked, this.settings.keyRequests.attempts);
    await this.keyRequests.count(String(keyId));
    return null;
  }
}

/** Fixed length whatever a client sends as its key (the shared table's keys are at most 191 characters). */
function pairKey(clientAddress: string, credentials: PresentedCredentials): string {
  return createHash('sha256').update(`${clientAddress} ${credentials.consumerKey}`).digest('base64url');
}
