import { indexAfterPriority } from './indexAfterPriority';
import { hookNamed, type Handler, type HandlerCallback, type Registry, type StoreKey } from './registry';
import { runMetaAction } from './runMetaAction';
import { validateCallback } from './validateCallback';
import { validateHookName } from './validateHookName';
import { validateNamespace } from './validateNamespace';
import { validatePriority } from './validatePriority';

/**
 * Adds `callback` to the hook.
 *
 * @param hookName  The hook to add to.
 * @param namespace Identifies the handler for removal, in the form `vendor/plugin/function`.
 * @param callback  Called on every run of the hook.
 * @param priority  Lower runs first; equal priorities run in the order added. Default 10.
 * @throws TypeError when any argument is invalid (JavaScript plugins get no type check); nothing is added then.
 */
export type AddHook = (hookName: string, namespace: string, callback: HandlerCallback, priority?: number) => void;

/** Returns the `add*` operation of one store, which ends by reporting to the `hookAdded` action. */
export function createAddHook(registry: Registry, storeKey: StoreKey): AddHook {
  const store = registry[storeKey];
  return function addHook(hookName, namespace, callback, priority = 10) {
    validateHookName(hookName);
    validateNamespace(namespace);
    validateCallback(callback);
    validatePriority(priority);

    const hook = hookNamed(store, hookName);
    const handler: Handler = { namespace, callback, priority, removed: false };
    // A new array rather than an in-place insert: a run in progress keeps its snapshot of the bucket it is in.
    const handlers = hook.handlers.slice();
    handlers.splice(indexAfterPriority(handlers, priority), 0, handler);
    hook.handlers = handlers;

    // Adding a `hookAdded` handler does not report itself, as in @wordpress/hooks.
    if (hookName !== 'hookAdded') {
      runMetaAction(registry, 'hookAdded', [hookName, namespace, callback, priority]);
    }
  };
}
