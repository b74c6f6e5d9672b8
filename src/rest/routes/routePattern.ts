/**
 * Compiles a WordPress route pattern once, at registration: PCRE's `(?P<name>…)` groups become JavaScript named
 * groups, and the whole path must match, case-insensitively (WordPress matches with `@^{route}$@i`).
 */
export function compileRoutePattern(route: string): RegExp {
  const source = route.replace(/\(\?P<(\w+)>/g, '(?<$1>');
  try {
    return new RegExp(`^${source}$`, 'i');
  } catch (error) {
    throw new Error(`The REST route "${route}" is not a valid pattern: ${(error as Error).message}`, { cause: error });
  }
}

/** Whether the route has variables (WordPress shows `(?P<id>…)` as `{id}`); only routes without them link to themselves. */
export function routeHasVariables(route: string): boolean {
  return route.includes('{') || /\(\?P<\w+?>.*?\)/.test(route);
}
