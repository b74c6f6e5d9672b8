import { isPhpEmptyString } from './phpEmpty';
import { ksesNoNull } from './ksesNoNull';
import { phpTrim } from './phpTrim';

/** WordPress wp_allowed_protocols() without plugins: the URL schemes kses keeps. */
export const ALLOWED_PROTOCOLS: readonly string[] = [
  'http',
  'https',
  'ftp',
  'ftps',
  'mailto',
  'news',
  'irc',
  'irc6',
  'ircs',
  'gopher',
  'nntp',
  'feed',
  'telnet',
  'mms',
  'rtsp',
  'sms',
  'svn',
  'tel',
  'fax',
  'xmpp',
  'webcal',
  'urn',
];

/**
 * WordPress wp_kses_bad_protocol(): removes a disallowed scheme (and keeps an allowed one, lower-cased) from the start
 * of a URL attribute value, repeatedly, so `javascript:javascript:x` gets no chance; entities and whitespace in the
 * scheme do not hide it. Gives up with '' if the value still changes after six passes.
 */
export function ksesBadProtocol(value: string): string {
  let content = ksesNoNull(value);
  if (content.startsWith('https://') || content.startsWith('http://')) return content;
  for (let pass = 0; pass < 6; pass++) {
    const previous = content;
    content = badProtocolOnce(content, 1);
    if (content === previous) return content;
  }
  return '';
}

function badProtocolOnce(value: string, depth: number): string {
  const content = value.replace(/(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))/gi, '$1;');
  const split = /:|&#0*58;|&#x0*3a;|&colon;/i.exec(content);
  const scheme = split ? content.slice(0, split.index) : '';
  // WordPress's check here is the literal "/?" (a known oddity), not "a slash or a question mark".
  if (!split || scheme.includes('/?')) return content;
  let rest = phpTrim(content.slice(split.index + split[0].length));
  const protocol = allowedScheme(scheme);
  if (protocol === 'feed:') {
    if (depth > 2) return '';
    rest = badProtocolOnce(rest, depth + 1);
    if (isPhpEmptyString(rest)) return rest;
  }
  return protocol + rest;
}

/** wp_kses_bad_protocol_once2(): the scheme decoded and squeezed, with its colon if allowed, else ''. */
function allowedScheme(raw: string): string {
  const decoded = raw
    .replace(/&#([0-9]+);/g, (_match, digits: string) => String.fromCharCode(Number(BigInt(digits) % 256n)))
    .replace(/&#[Xx]([0-9A-Fa-f]+);/g, (_match, hex: string) => String.fromCharCode(Number(BigInt(`0x${hex}`) % 256n)));
  const scheme = ksesNoNull(decoded.replace(/[\t\n\v\f\r ]/g, '')).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return ALLOWED_PROTOCOLS.includes(scheme) ? `${scheme}:` : '';
}
