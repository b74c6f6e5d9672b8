import type { OptionValue } from '../host/types';
import { phpScalarToString } from './phpScalarToString';

/**
 * An option WordPress keeps as text (blogname, home, timezone_string, avatar_default, …), as text: a number or
 * boolean as PHP prints it; an array or object (a bad write by some plugin) is not text, so it gives `fallback`
 * rather than "[object Object]".
 */
export function optionText(value: OptionValue | undefined, fallback = ''): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return phpScalarToString(value);
  }
  return fallback;
}
