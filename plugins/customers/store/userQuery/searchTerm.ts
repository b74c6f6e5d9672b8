/** wpdb::esc_like: the term matched literally by MySQL's LIKE (whose escape character is the backslash). */
export function escLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The LIKE pattern WP_User_Query::get_search_sql builds for a term and its wildcards. */
export function searchPattern(term: string, leadingWild: boolean, trailingWild: boolean): string {
  return `${leadingWild ? '%' : ''}${escLike(term)}${trailingWild ? '%' : ''}`;
}

/**
 * The user ID that MySQL's `ID = '<term>'` matches: MySQL reads the longest numeric prefix of the string (after
 * leading spaces) as a number; only an integral value can equal an ID. Null when it matches no ID.
 */
export function idMatchedBy(term: string): number | null {
  const prefix = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(term);
  if (!prefix) return null;
  const value = Number(prefix[0].trim());
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
