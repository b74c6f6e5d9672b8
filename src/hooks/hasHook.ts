import type { Registry, StoreKey } from './registry';

/** Whether the hook has any handler (of `namespace`, when given). */
export type HasHook = (hookName: string, namespace?: string) => boolean;

/** Returns the `has*` operation of one store. */
export function createHasHook(registry: Registry, storeKey: StoreKey): HasHook {
  const store = registry[storeKey];
  return function hasHook(hookName, namespace) {
    const handlers = store.get(hookName)?.handlers;
    if (handlers === undefined) {
      return false;
    }
    return namespace === undefined ? handlers.length > 0 : handlers.some((handler) => handler.namespace === namespace);
  };
}
