import { handlersInRunOrder } from './handlersInRunOrder';
import { enteringHook } from './runningHooks';
import type { Registry } from './registry';

/** The actions `add*` and `remove*` report to, as in `@wordpress/hooks`. */
export type MetaActionName = 'hookAdded' | 'hookRemoved';

/**
 * Runs `hookAdded` or `hookRemoved` synchronously. `add*`/`remove*` are synchronous, so they cannot await the async
 * runner, and starting it without awaiting would let the meta handlers run after the caller moved on (seeing a later
 * state) with their errors lost to an unhandled rejection. Calling the handlers in place keeps them in step and lets
 * a throw reach the `add*`/`remove*` caller; a promise a handler returns is not awaited, so meta handlers should be
 * synchronous observers.
 */
export function runMetaAction(registry: Registry, actionName: MetaActionName, args: unknown[]): void {
  const hook = registry.actions.get(actionName);
  if (hook === undefined || hook.handlers.length === 0) {
    return;
  }
  hook.runs++;
  registry.running.runSync(enteringHook(registry.running.getStore(), 'actions', actionName), () => {
    for (const { callback } of handlersInRunOrder(hook)) {
      callback(...args);
    }
  });
}
