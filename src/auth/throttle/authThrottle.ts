import { hash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../host/types';
import type { RestError } from '../../rest/RestError';
import { constantTimeEquals } from '../constantTime';
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
  /** That key's stored secret, when the failure was a wrong one: the right secret still passes the pair's block. */
  storedSecret?: string;
  reason: string;
  method: string;
  path: string;
}

/**
 * Throttling of failed authentications, and an audit line for each. A client that keeps failing is refused with
 * 429 before its credentials cost a query; another client — or the same address with another key, or with the right
 * secret of the key it failed with (compared in memory) — is not.
 */
export class AuthThrottle {
  private readonly pairs;
  private readonly addresses;
  private readonly keys;
  private readonly keyRequests;
  /** Per blocked address-and-key pair, the key's stored secret (the client that has it is let through, checked here). */
  private readonly pairSecrets = new Map<string, string>();

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
    const key = pairKey(clientAddress, credentials);
    const pair = this.pairs.blockedForMs(key);
    if (pair <= 0) {
      this.pairSecrets.delete(key);
      return null;
    }
    // The key's owner on the same address is not locked out: the right secret goes on to authentication.
    const stored = this.pairSecrets.get(key);
    if (
      stored !== undefined &&
      credentials.consumerSecret !== null &&
      constantTimeEquals(stored, credentials.consumerSecret)
    )
      return null;
    return rateLimitExceeded(pair, this.settings.perAddressAndKey.attempts);
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
    if (pair > 0 && credentials && failure.storedSecret !== undefined)
      this.rememberPairSecret(pairKey(clientAddress, credentials), failure.storedSecret);
    if (address > 0 || pair > 0) {
      const seconds = Math.ceil(Math.max(address, pair) / 1000);
      this.logger.info('authentication throttled', {
        client: clientAddress,
        key: credentials ? truncatedKey(credentials.consumerKey) : null,
        seconds,
      });
    }
    return keyBlocked > 0 ? rateLimitExceeded(keyBlocked, this.settings.perKey.attempts) : null;
  }

  private rememberPairSecret(key: string, secret: string): void {
    // Bounded like the blocks themselves: the oldest entry goes first.
    if (this.pairSecrets.size >= 10_000) this.pairSecrets.delete(this.pairSecrets.keys().next().value as string);
    this.pairSecrets.set(key, secret);
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
  return hash('sha256', `${clientAddress} ${credentials.consumerKey}`, 'base64url');
}
