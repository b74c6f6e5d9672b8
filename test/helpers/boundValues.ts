/**
 * The values a statement's parameters bind, with IN lists opened up: src/db/boundList.ts binds a whole list as one
 * parameter (a JSON array text on SQLite, an array on MySQL).
 */
export function boundValues(params: readonly unknown[] | undefined): unknown[] {
  return (params ?? []).flatMap((param) => {
    if (Array.isArray(param)) return param;
    if (typeof param === 'string' && param.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(param);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // Not a list: a value that happens to start with '['.
      }
    }
    return [param];
  });
}
