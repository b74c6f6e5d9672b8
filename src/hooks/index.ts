export { createHooks } from './createHooks';
export type { ActionCallback, FilterCallback, Hooks } from './types';
