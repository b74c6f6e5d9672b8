/** Throws unless `priority` is an integer (negative ones included), as WordPress priorities are. */
export function validatePriority(priority: unknown): asserts priority is number {
  if (!Number.isInteger(priority)) {
    throw new TypeError(`The hook priority must be an integer, got ${String(priority)}.`);
  }
}
