/** A value as PHP's request parsing builds it: a string, or an ordered array of further values. */
export type PhpValue = string | PhpArray;

const CANONICAL_INT = /^(0|-?[1-9][0-9]*)$/;

/**
 * PHP's ordered array, enough of it to parse query strings faithfully: keys keep their insertion order,
 * integer-like keys ("5", not "05") are integers, and `[]` appends after the highest integer key.
 */
export class PhpArray {
  readonly entries = new Map<string | number, PhpValue>();
  private nextIndex = 0;

  set(key: string | number, value: PhpValue): void {
    const normalized = normalizeKey(key);
    if (typeof normalized === 'number' && normalized >= this.nextIndex) this.nextIndex = normalized + 1;
    this.entries.set(normalized, value);
  }

  push(value: PhpValue): void {
    this.set(this.nextIndex, value);
  }

  /** The array stored at `key`, created (or replacing a string) when needed; `null` appends a new one. */
  arrayAt(key: string | null): PhpArray {
    if (key === null) {
      const created = new PhpArray();
      this.push(created);
      return created;
    }
    const existing = this.entries.get(normalizeKey(key));
    if (existing instanceof PhpArray) return existing;
    const created = new PhpArray();
    this.set(key, created);
    return created;
  }

  /** The JSON-like value: a list when the keys are exactly 0..n-1 in order (as json_encode decides), else an object. */
  toJs(): unknown[] | Record<string, unknown> {
    let index = 0;
    let isList = true;
    for (const key of this.entries.keys()) {
      if (key !== index++) {
        isList = false;
        break;
      }
    }
    if (isList) return Array.from(this.entries.values(), toJsValue);
    return Object.fromEntries(Array.from(this.entries, ([key, value]) => [String(key), toJsValue(value)]));
  }
}

/** Top-level parameters: always an object, keyed by parameter name. */
export function toJsObject(array: PhpArray): Record<string, unknown> {
  return Object.fromEntries(Array.from(array.entries, ([key, value]) => [String(key), toJsValue(value)]));
}

function toJsValue(value: PhpValue): unknown {
  return value instanceof PhpArray ? value.toJs() : value;
}

function normalizeKey(key: string | number): string | number {
  if (typeof key === 'number' || !CANONICAL_INT.test(key)) return key;
  const asNumber = Number(key);
  return Number.isSafeInteger(asNumber) ? asNumber : key;
}
