import type { Registry, StoreKey } from './registry';

/** The innermost hook of the store running in the current async context (request), or null. */
export type CurrentHook = () => string | null;

/**
 * Returns the `current*` operation of one store. Filters and actions are tracked apart, as in `@wordpress/hooks`:
 * inside an action run by a filter, `currentFilter()` is still that filter.
 */
export function createCurrentHook(registry: Registry, storeKey: StoreKey): CurrentHook {
  return function currentHook() {
    return registry.running.getStore()?.[storeKey]?.hookName ?? null;
  };
}
