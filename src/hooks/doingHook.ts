import type { Registry, StoreKey } from './registry';

/** Whether `hookName` (any hook of the store, when omitted) runs in the current async context, however deep. */
export type DoingHook = (hookName?: string) => boolean;

/** Returns the `doing*` operation of one store. */
export function createDoingHook(registry: Registry, storeKey: StoreKey): DoingHook {
  return function doingHook(hookName) {
    let running = registry.running.getStore()?.[storeKey];
    if (hookName === undefined) {
      return running !== undefined;
    }
    for (; running !== undefined; running = running.outer) {
      if (running.hookName === hookName) {
        return true;
      }
    }
    return false;
  };
}
