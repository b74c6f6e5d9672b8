import { ksesBadProtocol } from './ksesBadProtocol';

/** One parsed attribute: `whole` is what kses writes back (`name="value"`, `name='value'` or a bare `name`). */
export interface KsesAttribute {
  name: string;
  value: string;
  whole: string;
  valueless: boolean;
}

/** wp_kses_uri_attributes(): attributes whose values are URLs and get their scheme checked. */
const URI_ATTRIBUTES = new Set([
  'action',
  'archive',
  'background',
  'cite',
  'classid',
  'codebase',
  'data',
  'formaction',
  'href',
  'icon',
  'longdesc',
  'manifest',
  'poster',
  'profile',
  'src',
  'usemap',
  'xmlns',
]);

/**
 * WordPress wp_kses_hair(): parses an attribute list however malformed — unquoted values get double quotes, the first
 * of duplicate names wins, unparseable stretches are skipped (wp_kses_html_error), URL values lose bad schemes.
 * PCRE `\s` here is ASCII whitespace; `$` is written `(?=\n?$)` because PCRE's `$` also matches before a final newline.
 */
export function ksesHair(attributeList: string): KsesAttribute[] {
  const attributes = new Map<string, KsesAttribute>();
  const add = (attribute: KsesAttribute) => {
    if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  };
  const urlSafe = (name: string, value: string) =>
    URI_ATTRIBUTES.has(name.toLowerCase()) ? ksesBadProtocol(value) : value;

  let rest = attributeList;
  let mode: 'name' | 'afterName' | 'value' = 'name';
  let name = '';
  while (rest.length !== 0) {
    let match: RegExpExecArray | null;
    let worked = false;
    if (mode === 'name') {
      if ((match = /^[_a-zA-Z][-_a-zA-Z0-9:.]*/.exec(rest))) {
        name = match[0];
        rest = rest.slice(match[0].length);
        mode = 'afterName';
        worked = true;
      }
    } else if (mode === 'afterName') {
      if ((match = /^[\t\n\v\f\r ]*=[\t\n\v\f\r ]*/.exec(rest))) {
        rest = rest.slice(match[0].length);
        mode = 'value';
        worked = true;
      } else if ((match = /^[\t\n\v\f\r ]+/.exec(rest))) {
        add({ name, value: '', whole: name, valueless: true });
        rest = rest.slice(match[0].length);
        mode = 'name';
        worked = true;
      }
    } else if ((match = /^"([^"]*)"(?:[\t\n\v\f\r ]+|\/?(?=\n?$))/.exec(rest))) {
      const value = urlSafe(name, match[1]);
      add({ name, value, whole: `${name}="${value}"`, valueless: false });
      rest = rest.replace(/^"[^"]*"(?:[\t\n\v\f\r ]+|(?=\n?$))/, '');
      mode = 'name';
      worked = true;
    } else if ((match = /^'([^']*)'(?:[\t\n\v\f\r ]+|\/?(?=\n?$))/.exec(rest))) {
      const value = urlSafe(name, match[1]);
      add({ name, value, whole: `${name}='${value}'`, valueless: false });
      rest = rest.replace(/^'[^']*'(?:[\t\n\v\f\r ]+|(?=\n?$))/, '');
      mode = 'name';
      worked = true;
    } else if ((match = /^([^\t\n\v\f\r "']+)(?:[\t\n\v\f\r ]+|\/?(?=\n?$))/.exec(rest))) {
      const value = urlSafe(name, match[1]);
      add({ name, value, whole: `${name}="${value}"`, valueless: false });
      rest = rest.replace(/^[^\t\n\v\f\r "']+(?:[\t\n\v\f\r ]+|(?=\n?$))/, '');
      mode = 'name';
      worked = true;
    }
    if (!worked) {
      // wp_kses_html_error(): skip to after the next whitespace, stepping over quoted stretches.
      rest = rest.replace(/^(?:"[^"]*(?:"|(?=\n?$))|'[^']*(?:'|(?=\n?$))|[^\t\n\v\f\r ])*[\t\n\v\f\r ]*/, '');
      mode = 'name';
    }
  }
  if (mode === 'afterName') add({ name, value: '', whole: name, valueless: true });
  return [...attributes.values()];
}
