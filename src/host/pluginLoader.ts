import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, PluginHost } from './types';
import { orderByDependencies } from './orderByDependencies';

/** The built-in plugins: every folder under `plugins/` (next to `src/`, in the source tree and in `dist/`). */
export const BUILTIN_PLUGINS_DIR = path.resolve(__dirname, '..', '..', 'plugins');

export interface PluginEntry {
  plugin: Plugin;
  /** Where it came from, for error messages: `plugins/customers`, a module path, or `options.plugins[0]`. */
  source: string;
}

/** Built-in plugins in folder-name order, so start-up is the same on every machine. */
export function loadBuiltinPlugins(dir: string = BUILTIN_PLUGINS_DIR): PluginEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const source = `plugins/${name}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return { plugin: asPlugin(require(path.join(dir, name)), source), source };
    });
}

/**
 * Plugins named in WC_HOST_PLUGINS: absolute (or cwd-relative) paths to .js/.cjs/.mjs files, or package names,
 * loaded in the order listed.
 */
export async function loadPluginModules(specifiers: readonly string[], cwd = process.cwd()): Promise<PluginEntry[]> {
  const entries: PluginEntry[] = [];
  for (const specifier of specifiers) {
    const resolved = resolveModule(specifier, cwd);
    let loaded: unknown;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = resolved.endsWith('.mjs') ? await importEsmFile(resolved) : require(resolved);
    } catch (error) {
      throw new Error(`Plugin module "${specifier}" could not be loaded: ${messageOf(error)}`, { cause: error });
    }
    entries.push({ plugin: asPlugin(loaded, specifier), source: specifier });
  }
  return entries;
}

/**
 * Every plugin the host loads — built-in, then WC_HOST_PLUGINS (`modules`), then `extra` — ordered so each comes after
 * the plugins it requires (see orderByDependencies.ts). Their tables are created, then they register, in this order.
 */
export async function loadPlugins(sources: {
  builtin: boolean;
  modules: readonly string[];
  extra?: readonly Plugin[];
}): Promise<PluginEntry[]> {
  return orderByDependencies([
    ...(sources.builtin ? loadBuiltinPlugins() : []),
    ...(await loadPluginModules(sources.modules)),
    ...(sources.extra ?? []).map((plugin, index) => ({ plugin, source: `options.plugins[${index}]` })),
  ]);
}

/**
 * Registers the plugins one after another, in the order given (loadPlugins' order); a plugin that throws stops
 * start-up with its name in the message.
 */
export async function registerPlugins(entries: readonly PluginEntry[], host: PluginHost): Promise<string[]> {
  const seen = new Map<string, string>();
  for (const { plugin, source } of orderByDependencies(entries)) {
    seen.set(plugin.name, source);
    try {
      await plugin.register(host);
    } catch (error) {
      throw new Error(`Plugin "${plugin.name}" (${source}) failed to register: ${messageOf(error)}`, { cause: error });
    }
    host.logger.debug('plugin registered', { plugin: plugin.name, source });
  }
  return [...seen.keys()];
}

function resolveModule(specifier: string, cwd: string): string {
  const isPath = path.isAbsolute(specifier) || specifier.startsWith('.');
  try {
    return isPath ? require.resolve(path.resolve(cwd, specifier)) : require.resolve(specifier, { paths: [cwd] });
  } catch {
    throw new Error(`Plugin module "${specifier}" was not found (from ${cwd})`);
  }
}

// TypeScript compiles `import()` to `require()` under CommonJS; an ES module needs the real dynamic import.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed string, the only way past that compilation
const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
function importEsmFile(file: string): Promise<unknown> {
  return dynamicImport(pathToFileURL(file).href);
}

/** Accepts `module.exports = plugin`, `export default plugin` (also as transpiled `{ default }`). */
function asPlugin(loaded: unknown, source: string): Plugin {
  const candidate = isRecord(loaded) && 'default' in loaded && isRecord(loaded.default) ? loaded.default : loaded;
  if (
    !isRecord(candidate) ||
    typeof candidate.name !== 'string' ||
    candidate.name === '' ||
    typeof candidate.register !== 'function'
  ) {
    throw new Error(`Plugin "${source}" must export { name: string, register(host) } as its default export`);
  }
  if (
    candidate.requires !== undefined &&
    !(Array.isArray(candidate.requires) && candidate.requires.every((name) => typeof name === 'string'))
  ) {
    throw new Error(`Plugin "${source}": requires must be a list of plugin names`);
  }
  if (
    candidate.tables !== undefined &&
    !(
      Array.isArray(candidate.tables) &&
      candidate.tables.every((table) => isRecord(table) && typeof table.entity === 'function')
    )
  ) {
    throw new Error(`Plugin "${source}": tables must be a list of { entity, mysql?, sqlite? }`);
  }
  return candidate as unknown as Plugin;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
