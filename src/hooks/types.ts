/**
 * The hook registry's public shape: `@wordpress/hooks` names with WordPress `WP_Hook` semantics, async-first.
 *
 * Hooks are typed by name through the hook map (./hookMap.ts): a name the map does not hold is a compile error, and
 * a callback's arguments and return are those the map gives. A hook of your own is declared in the map by
 * declaration merging (`declare module 'wc-host' { interface FilterMap { … } }`); code that must handle hook names
 * it cannot know at compile time opts out explicitly through `hooks.untyped`, where names are strings and values
 * `unknown`.
 */
import type { ActionMap, FilterMap } from './hookMap';

/** A filter the map declares. */
export type FilterName = Extract<keyof FilterMap, string>;
/** An action the map declares. */
export type ActionName = Extract<keyof ActionMap, string>;

/** The value filter `N` filters: the first element of its tuple, and what its callbacks return. */
export type FilterValue<N extends FilterName> = FilterMap[N] extends readonly [infer Value, ...unknown[]]
  ? Value
  : never;
/** The arguments filter `N` passes after the value. */
export type FilterArgs<N extends FilterName> = FilterMap[N] extends readonly [unknown, ...infer Args] ? Args : never;
/** The arguments action `N` passes. */
export type ActionArgs<N extends ActionName> = ActionMap[N] extends readonly unknown[] ? ActionMap[N] : never;

/** A callback of filter `N`: gets the current value and the extra arguments, returns (or resolves to) the new value. */
export type FilterCallback<N extends FilterName> = (
  value: FilterValue<N>,
  ...args: FilterArgs<N>
) => FilterValue<N> | Promise<FilterValue<N>>;

/** A callback of action `N`: gets the arguments; what it returns (or resolves to) is ignored, but it is awaited. */
export type ActionCallback<N extends ActionName> = (...args: ActionArgs<N>) => unknown;

/** The operations that take no hook name, the same typed or untyped. */
interface RunningHookQueries {
  /** The innermost hook running in the current async context (request), or null. */
  currentFilter(): string | null;
  currentAction(): string | null;
}

export interface Hooks extends RunningHookQueries {
  /**
   * Adds `callback` to the filter.
   *
   * @param hookName  A filter of the hook map.
   * @param namespace Identifies the handler for removal, in the form `vendor/plugin/function`.
   * @param priority  Lower runs first; equal priorities run in the order added. Default 10.
   */
  addFilter<N extends FilterName>(hookName: N, namespace: string, callback: FilterCallback<N>, priority?: number): void;
  /** Adds `callback` to the action (see `addFilter`). */
  addAction<N extends ActionName>(hookName: N, namespace: string, callback: ActionCallback<N>, priority?: number): void;
  /** Removes every handler of `namespace` on the hook; returns how many were removed. */
  removeFilter(hookName: FilterName, namespace: string): number;
  removeAction(hookName: ActionName, namespace: string): number;
  /** Removes all handlers of the hook (or only those of `namespace`); returns how many were removed. */
  removeAllFilters(hookName: FilterName, namespace?: string): number;
  removeAllActions(hookName: ActionName, namespace?: string): number;
  hasFilter(hookName: FilterName, namespace?: string): boolean;
  hasAction(hookName: ActionName, namespace?: string): boolean;
  /** Runs the filter's callbacks one after another (priority order, then order added), awaiting each. */
  applyFilters<N extends FilterName>(
    hookName: N,
    value: FilterValue<N>,
    ...args: FilterArgs<N>
  ): Promise<FilterValue<N>>;
  /** Runs the action's callbacks one after another, awaiting each. */
  doAction<N extends ActionName>(hookName: N, ...args: ActionArgs<N>): Promise<void>;
  /** How many times the action (or filter) has run in this registry. */
  didAction(hookName: ActionName): number;
  didFilter(hookName: FilterName): number;
  /** Whether `hookName` (or any hook, when omitted) is running in the current async context. */
  doingFilter(hookName?: FilterName): boolean;
  doingAction(hookName?: ActionName): boolean;
  /**
   * The same registry without the hook map: any valid hook name, callbacks that receive `unknown` and must narrow
   * what they get. The explicit opt-out for hooks whose names are only known at run time; a hook you fire yourself
   * is better declared in the map.
   */
  readonly untyped: UntypedHooks;
}

/** A callback of a hook outside the map: it receives `unknown` values and must check them before use. */
export type UntypedCallback = (...args: unknown[]) => unknown;

/** The registry without the hook map (`hooks.untyped`): the same handlers, runs and counts as the typed view. */
export interface UntypedHooks extends RunningHookQueries {
  addFilter(hookName: string, namespace: string, callback: UntypedCallback, priority?: number): void;
  addAction(hookName: string, namespace: string, callback: UntypedCallback, priority?: number): void;
  removeFilter(hookName: string, namespace: string): number;
  removeAction(hookName: string, namespace: string): number;
  removeAllFilters(hookName: string, namespace?: string): number;
  removeAllActions(hookName: string, namespace?: string): number;
  hasFilter(hookName: string, namespace?: string): boolean;
  hasAction(hookName: string, namespace?: string): boolean;
  /** Resolves to whatever the last callback returned: `unknown`, since any plugin may have added one. */
  applyFilters(hookName: string, value: unknown, ...args: unknown[]): Promise<unknown>;
  doAction(hookName: string, ...args: unknown[]): Promise<void>;
  didAction(hookName: string): number;
  didFilter(hookName: string): number;
  doingFilter(hookName?: string): boolean;
  doingAction(hookName?: string): boolean;
}
