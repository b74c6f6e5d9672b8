import type { PluginEntry } from './pluginLoader';

/**
 * The plugins in an order where each comes after the plugins it requires (Plugin.requires), otherwise in the order
 * given (built-in, then WC_HOST_PLUGINS, then options.plugins). Refuses, naming the plugins, a duplicate name, a
 * missing dependency and a cycle.
 */
export function orderByDependencies(entries: readonly PluginEntry[]): PluginEntry[] {
  const byName = new Map<string, PluginEntry>();
  for (const entry of entries) {
    const earlier = byName.get(entry.plugin.name);
    if (earlier !== undefined) {
      throw new Error(`Plugin "${entry.plugin.name}" (${entry.source}) is already registered (from ${earlier.source})`);
    }
    byName.set(entry.plugin.name, entry);
  }
  for (const { plugin, source } of entries) {
    for (const required of plugin.requires ?? []) {
      if (!byName.has(required)) {
        throw new Error(`Plugin "${plugin.name}" (${source}) requires the plugin "${required}", which is not loaded`);
      }
    }
  }

  const ordered: PluginEntry[] = [];
  const done = new Set<string>();
  /** Depth-first: a plugin's requirements first. `path` is the chain being visited, to name a cycle. */
  const visit = (entry: PluginEntry, path: readonly string[]): void => {
    const { name } = entry.plugin;
    if (done.has(name)) return;
    if (path.includes(name)) {
      const cycle = [...path.slice(path.indexOf(name)), name].map((step) => `"${step}"`).join(' → ');
      throw new Error(`Plugins require each other in a cycle: ${cycle}`);
    }
    for (const required of entry.plugin.requires ?? []) visit(byName.get(required) as PluginEntry, [...path, name]);
    done.add(name);
    ordered.push(entry);
  };
  for (const entry of entries) visit(entry, []);
  return ordered;
}
