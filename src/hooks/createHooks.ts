import { createOnDemandAsyncContext } from '../async/onDemandAsyncContext';
import { createAddHook } from './addHook';
import { createCurrentHook } from './currentHook';
import { createDidHook } from './didHook';
import { createDoingHook } from './doingHook';
import { createHasHook } from './hasHook';
import type { Registry, RunningHooks } from './registry';
import { createRemoveHook } from './removeHook';
import { createApplyFilters, createDoAction } from './runHook';
import type { Hooks, UntypedHooks } from './types';

/**
 * Creates a hook registry. Every call gets its own handlers, run counts and async context, so two hosts (or two
 * tests) in one process never see each other's hooks.
 */
export function createHooks(): Hooks {
  const registry: Registry = {
    filters: new Map(),
    actions: new Map(),
    running: createOnDemandAsyncContext<RunningHooks>(),
  };
  const untyped: UntypedHooks = {
    addFilter: createAddHook(registry, 'filters'),
    addAction: createAddHook(registry, 'actions'),
    removeFilter: createRemoveHook(registry, 'filters', false),
    removeAction: createRemoveHook(registry, 'actions', false),
    removeAllFilters: createRemoveHook(registry, 'filters', true),
    removeAllActions: createRemoveHook(registry, 'actions', true),
    hasFilter: createHasHook(registry, 'filters'),
    hasAction: createHasHook(registry, 'actions'),
    applyFilters: createApplyFilters(registry),
    doAction: createDoAction(registry),
    didFilter: createDidHook(registry, 'filters'),
    didAction: createDidHook(registry, 'actions'),
    currentFilter: createCurrentHook(registry, 'filters'),
    currentAction: createCurrentHook(registry, 'actions'),
    doingFilter: createDoingHook(registry, 'filters'),
    doingAction: createDoingHook(registry, 'actions'),
  };
  // The typed view is the same functions. The hook map is a compile-time contract between the code that fires a
  // hook and the code that handles it; at run time every callback is stored and called alike (and `add*` still
  // checks its arguments, for JavaScript plugins), so narrowing the signatures here is the one place they meet.
  const typed = untyped as unknown as Omit<Hooks, 'untyped'>;
  return { ...typed, untyped };
}
