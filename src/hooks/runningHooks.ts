import type { RunningHooks, StoreKey } from './registry';

/** The async-context value inside a run of `hookName`: the outer context with that hook pushed on its store's stack. */
export function enteringHook(outer: RunningHooks | undefined, storeKey: StoreKey, hookName: string): RunningHooks {
  const filters = outer?.filters;
  const actions = outer?.actions;
  return storeKey === 'filters'
    ? { filters: { hookName, outer: filters }, actions }
    : { filters, actions: { hookName, outer: actions } };
}
