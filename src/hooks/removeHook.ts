import type { Handler, Registry, StoreKey } from './registry';
import { runMetaAction } from './runMetaAction';
import { validateHookName } from './validateHookName';
import { validateNamespace } from './validateNamespace';

/**
 * Removes the hook's handlers of `namespace` (with `removeAll`, of any namespace when it is omitted). Removed handlers
 * are not called even by a run already in progress.
 *
 * @param hookName  The hook to remove from.
 * @param namespace The namespace the handlers were added with.
 * @return How many handlers were removed.
 * @throws TypeError when the hook name or a given namespace is invalid.
 */
export type RemoveHook = (hookName: string, namespace?: string) => number;

/**
 * Returns the `remove*` operation of one store (`removeAll*` when `removeAll`), which reports to the `hookRemoved`
 * action when it removed something.
 */
export function createRemoveHook(registry: Registry, storeKey: StoreKey, removeAll: boolean): RemoveHook {
  const store = registry[storeKey];
  return function removeHook(hookName, namespace) {
    validateHookName(hookName);
    if (!removeAll || namespace !== undefined) {
      validateNamespace(namespace);
    }

    const hook = store.get(hookName);
    if (hook === undefined) {
      return 0;
    }
    const kept: Handler[] = [];
    for (const handler of hook.handlers) {
      if (namespace === undefined || handler.namespace === namespace) {
        handler.removed = true;
      } else {
        kept.push(handler);
      }
    }
    const removedCount = hook.handlers.length - kept.length;
    if (removedCount === 0) {
      return 0;
    }
    hook.handlers = kept;

    // Removing a `hookRemoved` handler does not report itself, as in @wordpress/hooks.
    if (hookName !== 'hookRemoved') {
      runMetaAction(registry, 'hookRemoved', [hookName, namespace]);
    }
    return removedCount;
  };
}
