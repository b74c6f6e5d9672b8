import type { Registry, StoreKey } from './registry';

/** How many times the hook has run in this registry, with or without handlers. */
export type DidHook = (hookName: string) => number;

/** Returns the `did*` operation of one store. */
export function createDidHook(registry: Registry, storeKey: StoreKey): DidHook {
  const store = registry[storeKey];
  return function didHook(hookName) {
    return store.get(hookName)?.runs ?? 0;
  };
}
