import type { Plugin } from './types';

/**
 * Declares a plugin with full typing of what `register` receives:
 *
 *   export default definePlugin({ name: 'acme/hello', register(host) { host.hooks.addAction(...) } });
 */
export function definePlugin<P extends Plugin>(plugin: P): P {
  return plugin;
}
