import { handlersInRunOrder } from './handlersInRunOrder';
import { hookNamed, type HookState, type Registry } from './registry';
import { enteringHook } from './runningHooks';
import type { UntypedHooks } from './types';

/*
 * Both runners count the run, then return at once when the hook has no handler: `applyFilters` sits on hot request
 * paths, and most hooks have no handler, so that path enters no async context and allocates only the promise.
 * Otherwise the handlers run inside an async context (enabled only while some hook runs: ../async/onDemandAsyncContext), so `currentFilter()`/`doingFilter()` answer for the request
 * that asks, not for whichever request happened to start a hook last.
 */

/** Returns `applyFilters`: each callback gets the value the previous one returned (or resolved to), then the args. */
export function createApplyFilters(registry: Registry): UntypedHooks['applyFilters'] {
  const { filters, running } = registry;
  return function applyFilters(hookName: string, value: unknown, ...args: unknown[]): Promise<unknown> {
    const hook = hookNamed(filters, hookName);
    hook.runs++;
    if (hook.handlers.length === 0) {
      return Promise.resolve(value);
    }
    return running.run(enteringHook(running.getStore(), 'filters', hookName), () => filterValue(hook, value, args));
  };
}

/** Returns `doAction`: each callback gets the args and is awaited; what it returns is ignored. */
export function createDoAction(registry: Registry): UntypedHooks['doAction'] {
  const { actions, running } = registry;
  // Settled once and shared, so running an action without handlers allocates nothing.
  const done = Promise.resolve();
  return function doAction(hookName: string, ...args: unknown[]): Promise<void> {
    const hook = hookNamed(actions, hookName);
    hook.runs++;
    if (hook.handlers.length === 0) {
      return done;
    }
    return running.run(enteringHook(running.getStore(), 'actions', hookName), () => callHandlers(hook, args));
  };
}

async function filterValue(hook: HookState, value: unknown, args: unknown[]): Promise<unknown> {
  let filtered = value;
  for (const { callback } of handlersInRunOrder(hook)) {
    filtered = await callback(filtered, ...args);
  }
  return filtered;
}

async function callHandlers(hook: HookState, args: unknown[]): Promise<void> {
  for (const { callback } of handlersInRunOrder(hook)) {
    await callback(...args);
  }
}
