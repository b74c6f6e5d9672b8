/**
 * The hook registry's public shape: `@wordpress/hooks` names with WordPress `WP_Hook` semantics, async-first.
 *
 * Callbacks receive whatever the caller passes; plugins narrow the types through the exported hook-name constants
 * (see plugins/customers/hooks.ts), so the registry itself speaks in `unknown`.
 */

/** A filter callback: gets the current value and the extra arguments, returns (or resolves to) the new value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FilterCallback<T = any, A extends unknown[] = any[]> = (value: T, ...args: A) => T | Promise<T>;

/** An action callback: gets the arguments, its return value is ignored. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionCallback<A extends unknown[] = any[]> = (...args: A) => unknown;

export interface Hooks {
  addFilter(hookName: string, namespace: string, callback: FilterCallback, priority?: number): void;
  addAction(hookName: string, namespace: string, callback: ActionCallback, priority?: number): void;
  /** Removes every handler of `namespace` on the hook; returns how many were removed. */
  removeFilter(hookName: string, namespace: string): number;
  removeAction(hookName: string, namespace: string): number;
  /** Removes all handlers of the hook (or only those of `namespace`); returns how many were removed. */
  removeAllFilters(hookName: string, namespace?: string): number;
  removeAllActions(hookName: string, namespace?: string): number;
  hasFilter(hookName: string, namespace?: string): boolean;
  hasAction(hookName: string, namespace?: string): boolean;
  /** Runs the filter's callbacks one after another (priority order, then order added), awaiting each. */
  applyFilters<T>(hookName: string, value: T, ...args: unknown[]): Promise<T>;
  doAction(hookName: string, ...args: unknown[]): Promise<void>;
  /** How many times the action (or filter) has run in this registry. */
  didAction(hookName: string): number;
  didFilter(hookName: string): number;
  /** The innermost hook running in the current async context (request), or null. */
  currentFilter(): string | null;
  currentAction(): string | null;
  /** Whether `hookName` (or any hook, when omitted) is running in the current async context. */
  doingFilter(hookName?: string): boolean;
  doingAction(hookName?: string): boolean;
}
