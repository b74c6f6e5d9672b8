import { PhpArray, toJsObject } from './PhpArray';
import { urldecode } from './urlEncoding';

/** PHP's max_input_nesting_level: deeper variables are dropped. */
const MAX_NESTING = 64;

export interface ParseQueryOptions {
  /** PHP's max_input_vars for request data (1000); variables past it are ignored. Unlimited when omitted. */
  maxVars?: number;
}

/**
 * PHP's parse_str / `$_GET` parsing of a raw query string: `+` and `%XX` decoding, later duplicates win,
 * `a[]=1&a[]=2` is a list, `a[b]=c` a nested array, and spaces or dots in a top-level name become `_`.
 */
export function parseQuery(raw: string, options: ParseQueryOptions = {}): Record<string, unknown> {
  return toJsObject(parseQueryToPhpArray(raw, options));
}

export function parseQueryToPhpArray(raw: string, options: ParseQueryOptions = {}): PhpArray {
  const result = new PhpArray();
  if (raw === '') return result;
  const maxVars = options.maxVars ?? Infinity;
  let count = 0;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    if (++count > maxVars) break;
    const equals = pair.indexOf('=');
    const name = urldecode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : urldecode(pair.slice(equals + 1));
    registerVariable(result, name, value);
  }
  return result;
}

/** php_register_variable_ex: places one decoded `name=value` into the array. */
function registerVariable(target: PhpArray, rawName: string, value: string): void {
  const nul = rawName.indexOf('\0');
  const name = (nul < 0 ? rawName : rawName.slice(0, nul)).replace(/^ +/, '');
  const bracket = name.indexOf('[');
  let base = (bracket < 0 ? name : name.slice(0, bracket)).replace(/[ .]/g, '_');
  if (base === '') return;
  if (bracket < 0) {
    target.set(base, value);
    return;
  }

  const segments: Array<string | null> = [];
  let open = bracket;
  while (open < name.length && name[open] === '[') {
    if (segments.length + 1 > MAX_NESTING) return;
    const close = name.indexOf(']', open + 1);
    if (close < 0) {
      // An unterminated `[` is not an index: at the top level it joins the name, deeper it ends the name.
      if (segments.length === 0) base = `${base}_${name.slice(open + 1).replace(/[ .[]/g, '_')}`;
      break;
    }
    segments.push(close === open + 1 ? null : name.slice(open + 1, close));
    open = close + 1;
  }

  let container = target;
  let key: string | null = base;
  for (const segment of segments) {
    container = container.arrayAt(key);
    key = segment;
  }
  if (key === null) container.push(value);
  else container.set(key, value);
}
