import { ksesHair } from './ksesHair';
import { ksesNoNull } from './ksesNoNull';
import { ksesNormalizeEntities } from './ksesNormalizeEntities';

/**
 * kses's $allowedtags: what wp_filter_kses() permits in every field context except post content, user descriptions
 * and 'strip' — the names WordPress saves for users included. Element → allowed attributes.
 */
const ALLOWED_TAGS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  abbr: ['title'],
  acronym: ['title'],
  b: [],
  blockquote: ['cite'],
  cite: [],
  code: [],
  del: ['datetime'],
  em: [],
  i: [],
  q: ['cite'],
  s: [],
  strike: [],
  strong: [],
};

/**
 * WordPress wp_kses($content, $allowedtags) (WordPress 6.6+ token rules): control characters removed, entities
 * normalised, allowed elements rebuilt with only their allowed attributes, everything tag-like that is not allowed
 * removed, a stray `>` encoded, comments and bogus comments cleaned recursively.
 */
export function ksesAllowedTags(content: string): string {
  const normalized = ksesNormalizeEntities(ksesNoNull(content, true));
  return normalized.replace(
    /(<!--[^\n]*?(?:-->|(?=\n?$))|<\/[^a-zA-Z][^>]*>|<![^>]*>)|(<[^>]*(?:>|(?=\n?$))|>)/g,
    (token) => filterToken(token),
  );
}

/** wp_kses_split2(): one tag-like token, fixed or removed. */
function filterToken(rawToken: string): string {
  const token = rawToken.replace(/\\"/g, '"');
  if (!token.startsWith('<')) return '&gt;';

  // Bogus comments (`</1…>`, `<!x…>`) keep their shape; their inside is filtered until stable.
  if (/^(?:<\/[^a-zA-Z][^>]*>|<![a-z][^>]*>)$/.test(token)) {
    return `<${token[1]}${untilStable(token.slice(2, -1))}>`;
  }

  if (token.startsWith('<!--')) {
    const inner = untilStable(token.split('<!--').join('').split('-->').join(''));
    if (inner === '') return '';
    return `<!--${inner.replace(/--+/g, '-').replace(/-(?=\n?$)/, '')}-->`;
  }

  const parts = /^<[\t\n\v\f\r ]*(\/[\t\n\v\f\r ]*)?([a-zA-Z0-9-]+)([^>]*)>?$/.exec(token);
  if (!parts) return '';
  const [, closingSlash = '', element, attributeList] = parts;
  const allowedAttributes = ALLOWED_TAGS[element.toLowerCase()];
  if (allowedAttributes === undefined) return '';
  if (closingSlash !== '') return `</${element}>`;
  return rebuildTag(element, attributeList, allowedAttributes);
}

/** wp_kses_attr(): the element with its allowed attributes, and ` /` if it was self-closed. */
function rebuildTag(element: string, attributeList: string, allowedAttributes: readonly string[]): string {
  const selfClosing = /[\t\n\v\f\r ]*\/[\t\n\v\f\r ]*$/.test(attributeList) ? ' /' : '';
  if (allowedAttributes.length === 0) return `<${element}${selfClosing}>`;
  const kept = ksesHair(attributeList)
    .filter((attribute) => allowedAttributes.includes(attribute.name.toLowerCase()))
    .map((attribute) => ` ${attribute.whole}`)
    .join('')
    .replace(/[<>]/g, '');
  return `<${element}${kept}${selfClosing}>`;
}

function untilStable(content: string): string {
  let current = content;
  for (let next = ksesAllowedTags(current); next !== current; next = ksesAllowedTags(current)) current = next;
  return current;
}
