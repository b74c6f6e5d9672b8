import type { HandlerCallback } from './registry';

/** Throws unless `callback` can be called: failing at registration beats failing on some later request. */
export function validateCallback(callback: unknown): asserts callback is HandlerCallback {
  if (typeof callback !== 'function') {
    throw new TypeError('The hook callback must be a function.');
  }
}
