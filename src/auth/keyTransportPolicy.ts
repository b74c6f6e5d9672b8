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
  if (facts.secure) return true;
  return !config.strictAuth && !facts.proxied && isLoopbackAddress(facts.remoteAddress);
}

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const unmapped = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIP(unmapped) === 4) return unmapped.startsWith('127.');
  if (isIP(unmapped) === 6) return /^(0{0,4}:){2,7}0{0,3}1$/.test(unmapped);
  return false;
}
