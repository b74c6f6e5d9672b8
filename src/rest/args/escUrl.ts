import { ksesBadProtocol } from '../../wp/ksesBadProtocol';

/**
 * sanitize_url (esc_url_raw): drops characters URLs cannot hold and CR/LF escapes, assumes http:// for scheme-less
 * host names, encodes brackets outside the host, and returns '' for a protocol WordPress does not allow.
 */
export function sanitizeUrl(value: string): string {
  if (value === '') return value;
  let url = value.replace(/^[ \t\n\r\0\v]+/, '').replaceAll(' ', '%20');
  url = url.replace(/[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()[\]\x80-\uffff]/gi, '');
  if (url === '') return url;
  if (!/^mailto:/i.test(url)) url = deepReplace(['%0d', '%0a', '%0D', '%0A'], url);
  url = url.replaceAll(';//', '://');
  if (!url.includes(':') && !['/', '#', '?'].includes(url[0]) && !/^[a-z0-9-]+?\.php/i.test(url)) {
    url = `http://${url}`;
  }
  if (url.includes('[') || url.includes(']')) url = encodeBracketsAfterHost(url);
  if (url[0] === '/') return url;
  return ksesBadProtocol(url).toLowerCase() === url.toLowerCase() ? url : '';
}

/** _deep_replace: repeats until none of the strings is left (so "%0%0dd" cannot reassemble). */
function deepReplace(search: string[], subject: string): string {
  let result = subject;
  let changed = true;
  while (changed) {
    changed = false;
    for (const needle of search) {
      if (result.includes(needle)) {
        result = result.replaceAll(needle, '');
        changed = true;
      }
    }
  }
  return result;
}

/** IPv6 hosts keep their brackets; everywhere else `[` and `]` become %5B and %5D. */
function encodeBracketsAfterHost(url: string): string {
  const front = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*)(?::\d*)?)?/i.exec(url)?.[0] ?? '';
  return front + url.slice(front.length).replaceAll('[', '%5B').replaceAll(']', '%5D');
}
