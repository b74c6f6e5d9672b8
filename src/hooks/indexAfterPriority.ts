import type { Handler } from './registry';

/**
 * The index of the first handler whose priority is greater than `priority`, by binary search over handlers sorted by
 * priority. It is both where a new handler goes (after its equals, so equal priorities keep the order added) and
 * where a run finds the next priority bucket.
 */
export function indexAfterPriority(handlers: readonly Handler[], priority: number): number {
  let low = 0;
  let high = handlers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (handlers[middle].priority <= priority) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
