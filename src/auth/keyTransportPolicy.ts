import { isIP } from 'node:net';
import type { HostConfig } from '../host/types';

/** What the policy looks at in a request. */
export interface TransportFacts {
  /** HTTPS directly, or through a trusted proxy (X-Forwarded-Proto with TRUST_PROXY). */
  secure: boolean;
  /** Forwarded / X-Forwarded-* headers were present. */
  proxied: boolean;
  /** The socket's peer address. */
  remoteAddress: string;
}

/**
 * Whether a consumer key and secret may be sent as such (HTTP Basic or `consumer_key`/`consumer_secret` in the query).
 * WooCommerce accepts them only over HTTPS. wc-host also accepts them over plain HTTP from a loopback client that came
 * through no proxy, so `curl -u ck:cs http://127.0.0.1:8080/…` works on a developer's machine while a secret never
 * crosses a network in clear; WC_HOST_STRICT_AUTH turns that off.
 */
export function mayUsePlainKeys(facts: TransportFacts, config: Pick<HostConfig, 'strictAuth'>): boolean {
  return plainKeysRefusal(facts, config) === null;
}

/**
 * Why a consumer key and secret sent as such are not used on this request (null: they are), for the log: the client
 * gets WooCommerce's answer, which cannot say it.
 */
export function plainKeysRefusal(facts: TransportFacts, config: Pick<HostConfig, 'strictAuth'>): string | null {
  if (facts.secure) return null;
  if (facts.proxied) {
    return (
      'it came over plain HTTP through a proxy (Forwarded/X-Forwarded-* headers): serve it over HTTPS, or set ' +
      'TRUST_PROXY=1 when the proxy terminates TLS and sends X-Forwarded-Proto: https'
    );
  }
  if (!isLoopbackAddress(facts.remoteAddress)) {
    return 'it came over plain HTTP from another machine: use HTTPS, or sign requests with OAuth 1.0a';
  }
  if (config.strictAuth) return 'WC_HOST_STRICT_AUTH is on, so keys sent as such need HTTPS';
  return null;
}

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const unmapped = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIP(unmapped) === 4) return unmapped.startsWith('127.');
  if (isIP(unmapped) === 6) return /^(0{0,4}:){2,7}0{0,3}1$/.test(unmapped);
  return false;
}
