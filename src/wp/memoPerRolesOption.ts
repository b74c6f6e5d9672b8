import { boundedMemo } from '../cache/boundedMemo';
import type { RolesOption } from './capabilities';

/**
 * What `compute` makes of a stored `{prefix}capabilities` value, remembered per value and per roles option. The
 * options cache hands out one roles object per stored value and period, so entries of older role definitions go
 * with their object; within one, a value comes back request after request (most users share a few). At most `limit`
 * values per roles object. Whatever is returned is shared: callers hand out frozen values or copies.
 */
export function memoPerRolesOption<V>(
  limit: number,
  compute: (storedCaps: string, roles: RolesOption) => V,
): (storedCaps: string, roles: RolesOption) => V {
  const byRoles = new WeakMap<RolesOption, (storedCaps: string) => V>();
  return (storedCaps, roles) => {
    let ofStoredValue = byRoles.get(roles);
    if (!ofStoredValue) {
      ofStoredValue = boundedMemo(limit, (stored) => compute(stored, roles));
      byRoles.set(roles, ofStoredValue);
    }
    return ofStoredValue(storedCaps);
  };
}
