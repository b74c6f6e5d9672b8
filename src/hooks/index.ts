export { createHooks } from './createHooks';
export { HOST_HOOKS, type ActionMap, type FilterMap } from './hookMap';
export type {
  ActionArgs,
  ActionCallback,
  ActionName,
  FilterArgs,
  FilterCallback,
  FilterName,
  FilterValue,
  Hooks,
  UntypedCallback,
  UntypedHooks,
} from './types';
