import { indexAfterPriority } from './indexAfterPriority';
import type { Handler, HookState } from './registry';

/**
 * Yields the handlers one run of `hook` calls, in order, lazily: the hook may change between two yields (a callback
 * adding or removing handlers, even itself), and this follows WordPress's `WP_Hook` for that case:
 * - Priority buckets run lowest first. The next bucket is looked up in the hook as it is *after* the current bucket
 *   finished, so a handler added at a later priority during the run is called in this run, and one added at an
 *   earlier priority is not.
 * - A bucket runs from a snapshot taken when it starts (PHP's `foreach` iterates a copy of the bucket), so a handler
 *   added at the priority that is running waits for the next run. Gutenberg calls it; we chose WordPress.
 * - A handler removed before it is reached is skipped, even in the running bucket. Here we part from PHP, whose copy
 *   would still call it: a handler running after `remove*` returned would surprise whoever removed it.
 */
export function* handlersInRunOrder(hook: HookState): Generator<Handler, void, undefined> {
  // `hook.handlers` is replaced, never mutated, so holding the array is holding the snapshot.
  let handlers = hook.handlers;
  let index = 0;
  while (index < handlers.length) {
    const priority = handlers[index].priority;
    for (; index < handlers.length && handlers[index].priority === priority; index++) {
      if (!handlers[index].removed) {
        yield handlers[index];
      }
    }
    handlers = hook.handlers;
    index = indexAfterPriority(handlers, priority);
  }
}
