/**
 * Encodings remembered for values that cannot change (deep-frozen cached items): a list response made of them is
 * joined from their stored JSON instead of encoded again. Keyed by identity, so an item a filter replaced or
 * `_fields` rebuilt is encoded as usual.
 */
const encodings = new WeakMap<object, string>();

export function rememberEncoding(value: object, json: string): void {
  if (!Object.isFrozen(value)) throw new Error('Only a frozen value can keep a remembered encoding');
  encodings.set(value, json);
}

/** The JSON of a list whose every item has a remembered encoding; null otherwise. */
export function joinRememberedEncodings(list: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const item of list) {
    const json = typeof item === 'object' && item !== null ? encodings.get(item) : undefined;
    if (json === undefined) return null;
    parts.push(json);
  }
  return `[${parts.join(',')}]`;
}
