/** A request target without its query string or fragment, which may hold credentials (`?consumer_secret=…`). */
export function pathWithoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}
