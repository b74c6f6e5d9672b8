import { timingSafeEqual } from 'node:crypto';

/**
 * PHP hash_equals: compares two strings in time that depends only on the length of `known`.
 * Strings of different lengths are unequal; `known` is still compared with itself so the work is the same.
 */
export function constantTimeEquals(known: string, provided: string): boolean {
  const knownBytes = Buffer.from(known, 'utf8');
  const providedBytes = Buffer.from(provided, 'utf8');
  if (knownBytes.length !== providedBytes.length) {
    timingSafeEqual(knownBytes, knownBytes);
    return false;
  }
  return timingSafeEqual(knownBytes, providedBytes);
}
