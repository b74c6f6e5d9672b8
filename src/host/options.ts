import type { Db } from '../db/types';
import { maybeSerialize, maybeUnserialize } from '../wp/phpSerialize';
import type { OptionParser, OptionsApi, OptionValue } from './types';
import { deepFreeze } from '../cache/deepFreeze';

/**
 * How long an option read is reused by default: the longest another process's (or WordPress's) change to an option
 * can go unseen here (README.md, "Running on more than one process").
 */
export const OPTIONS_CACHE_TTL_MS = 2000;

export interface OptionsApiSettings {
  /** How long a read is reused. Default OPTIONS_CACHE_TTL_MS; 0 turns the cache off. */
  cacheTtlMs?: number;
}

interface CachedOption {
  /** The unserialized option_value (deep-frozen), or undefined when the option does not exist. */
  value: unknown;
  exists: boolean;
  expiresAt: number;
}

/**
 * WordPress's get_option/update_option/add_option/delete_option over `{prefix}options`. Values are stored
 * maybe-serialized (true → '1', arrays serialized) and read back maybe-unserialized, as WordPress does.
 *
 * Cache: the REST layer reads a few options on every request, so each option's stored text is reused for
 * `cacheTtlMs` (default 2 s). Writes through this API drop the entry at once; changes made elsewhere (WordPress,
 * another wc-host process) show up within the TTL. Inside a transaction the cache is bypassed, so rolled-back values
 * are never cached. Cached values are unserialized once and deep-frozen (the roles option alone is kilobytes of
 * PHP-serialized text, read on every request): treat what `get` returns as read-only and copy before changing it.
 */
export function createOptionsApi(db: Db, settings: OptionsApiSettings = {}): OptionsApi {
  const cacheTtlMs = settings.cacheTtlMs ?? OPTIONS_CACHE_TTL_MS;
  const cache = new Map<string, CachedOption>();
  const options = db.table('options');

  async function read(name: string): Promise<{ exists: boolean; value: unknown }> {
    const useCache = cacheTtlMs > 0 && !db.inTransaction;
    const cached = useCache ? cache.get(name) : undefined;
    if (cached && cached.expiresAt > Date.now()) return cached;
    const rows = await db.query<{ option_value: string }>(
      `SELECT option_value FROM ${options} WHERE option_name = ? LIMIT 1`,
      [name],
    );
    const exists = rows.length > 0;
    const value = exists ? maybeUnserialize(String(rows[0].option_value)) : undefined;
    if (useCache) cache.set(name, { exists, value: deepFreeze(value), expiresAt: Date.now() + cacheTtlMs });
    return { exists, value };
  }

  async function add(name: string, value: unknown, autoload?: boolean): Promise<boolean> {
    // Atomic "insert unless present": the UNIQUE key on option_name decides, not an earlier read. (Not ON DUPLICATE
    // KEY UPDATE: with mysql2's FOUND_ROWS flag a no-op update still reports one affected row.)
    const insert = db.dialect === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';
    const result = await db.execute(`${insert} ${options} (option_name, option_value, autoload) VALUES (?, ?, ?)`, [
      name,
      maybeSerialize(value),
      autoloadValue(autoload),
    ]);
    cache.delete(name);
    return result.affectedRows > 0;
  }

  async function get(name: string, defaultOrParser?: unknown): Promise<unknown> {
    const { exists, value } = await read(name);
    if (isParser(defaultOrParser))
      return exists ? defaultOrParser.parse(value as OptionValue) : defaultOrParser.default;
    return exists ? value : defaultOrParser;
  }

  return {
    // One implementation behind OptionsApi's overloads: maybeUnserialize gives text or PHP values (OptionValue).
    get: get as OptionsApi['get'],

    add,

    async update(name: string, value: unknown, autoload?: boolean): Promise<boolean> {
      const serialized = maybeSerialize(value);
      const rows = await db.query<{ option_value: string }>(
        `SELECT option_value FROM ${options} WHERE option_name = ? LIMIT 1`,
        [name],
      );
      if (rows.length === 0) return add(name, value, autoload);
      // WordPress compares the maybe-serialized forms: updating '1' to true is no change.
      if (String(rows[0].option_value) === serialized) return false;
      const result =
        autoload === undefined
          ? await db.execute(`UPDATE ${options} SET option_value = ? WHERE option_name = ?`, [serialized, name])
          : await db.execute(`UPDATE ${options} SET option_value = ?, autoload = ? WHERE option_name = ?`, [
              serialized,
              autoloadValue(autoload),
              name,
            ]);
      cache.delete(name);
      return result.affectedRows > 0;
    },

    async delete(name: string): Promise<boolean> {
      const result = await db.execute(`DELETE FROM ${options} WHERE option_name = ?`, [name]);
      cache.delete(name);
      return result.affectedRows > 0;
    },
  };
}

/** A parser argument (`{ parse, default }`), as opposed to a default value: defaults are data, never functions. */
function isParser(value: unknown): value is OptionParser<unknown, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { parse?: unknown }).parse === 'function';
}

/** wp_determine_option_autoload_value() for the values our API accepts (WordPress ≥ 6.6). */
function autoloadValue(autoload: boolean | undefined): 'on' | 'off' | 'auto' {
  if (autoload === undefined) return 'auto';
  return autoload ? 'on' : 'off';
}
