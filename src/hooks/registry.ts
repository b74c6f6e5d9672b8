import type { OnDemandAsyncContext } from '../async/onDemandAsyncContext';

/** Which store a hook lives in: filters and actions never share handlers, counts or "running" state. */
export type StoreKey = 'filters' | 'actions';

/** The registry speaks in `unknown`; the hook map (./hookMap.ts) types callbacks for the code that adds them. */
export type HandlerCallback = (...args: unknown[]) => unknown;

export interface Handler {
  readonly namespace: string;
  readonly callback: HandlerCallback;
  readonly priority: number;
  /** Set on removal, so a run that already holds this handler in its bucket snapshot skips it. */
  removed: boolean;
}

export interface HookState {
  /**
   * Sorted by priority, then by order added. Replaced on every change, never mutated in place, so a running
   * hook can keep the array it started a priority bucket with as its snapshot of that bucket.
   */
  handlers: readonly Handler[];
  runs: number;
}

export type HookStore = Map<string, HookState>;

/** One hook running in the current async context, linked to the hook of the same store it runs inside. */
export interface RunningHook {
  readonly hookName: string;
  readonly outer: RunningHook | undefined;
}

/** What runs in one async context (one request): the innermost filter and the innermost action. */
export interface RunningHooks {
  readonly filters: RunningHook | undefined;
  readonly actions: RunningHook | undefined;
}

/** The state behind one `createHooks()` registry; every operation factory closes over it. */
export interface Registry {
  readonly filters: HookStore;
  readonly actions: HookStore;
  readonly running: OnDemandAsyncContext<RunningHooks>;
}

/** The hook's state, created on first use so that runs are counted even before any handler is added. */
export function hookNamed(store: HookStore, hookName: string): HookState {
  let hook = store.get(hookName);
  if (hook === undefined) {
    hook = { handlers: [], runs: 0 };
    store.set(hookName, hook);
  }
  return hook;
}
