import { phpStripTags } from './phpStripTags';
import { phpTrim } from './phpTrim';
import { removeAccents } from './removeAccents';
import { utf8UriEncode } from './utf8UriEncode';

/**
 * WordPress sanitize_title() in its default 'save' context, i.e. remove_accents() then the default
 * `sanitize_title` filter sanitize_title_with_dashes(): the slug WordPress stores as user_nicename or post_name.
 * Lower-case, `.` `/` and whitespace become `-`, `@` and other punctuation vanish, other non-ASCII characters stay as
 * `%xx` octets (at most 200 output characters), hyphen runs collapse and edge hyphens go.
 * `john.doe@example.com` → `john-doeexample-com`. `locale` is the site locale for remove_accents().
 */
export function sanitizeTitle(title: string, locale = ''): string {
  return sanitizeTitleWithDashes(removeAccents(title, locale));
}

function sanitizeTitleWithDashes(raw: string): string {
  let title = phpStripTags(raw);
  // Keep well-formed %XX octets, drop every other percent sign.
  title = title
    .replace(/%([a-fA-F0-9][a-fA-F0-9])/g, '---$1---')
    .split('%')
    .join('');
  title = title.replace(/---([a-fA-F0-9][a-fA-F0-9])---/g, '%$1');
  title = utf8UriEncode(title.toLowerCase(), 200);

  title = replaceAll(title, ['%c2%a0', '%e2%80%93', '%e2%80%94'], '-');
  title = replaceAll(title, ['&nbsp;', '&#160;', '&ndash;', '&#8211;', '&mdash;', '&#8212;'], '-');
  title = title.split('/').join('-');
  title = replaceAll(title, STRIPPED_OCTETS, '');
  title = replaceAll(title, SPACE_OCTETS, '-');
  title = title.split('%c3%97').join('x');

  title = title.replace(/&[^\n]+?;/g, '');
  title = title.split('.').join('-');
  title = title.replace(/[^%a-z0-9 _-]/g, '');
  title = title.replace(/\s+/g, '-');
  title = title.replace(/-+/g, '-');
  return phpTrim(title, '-');
}

function replaceAll(text: string, needles: readonly string[], replacement: string): string {
  return needles.reduce((result, needle) => result.split(needle).join(replacement), text);
}

/**
 * Removed outright: soft hyphen, ¡ ¿, angle quotes, curly quotes, bullet, © ® ° … ™, acute/grave/macron/caron
 * accents, and the invisible zero-width/direction/BOM/object-replacement characters.
 */
const STRIPPED_OCTETS = [
  '%c2%ad',
  '%c2%a1',
  '%c2%bf',
  '%c2%ab',
  '%c2%bb',
  '%e2%80%b9',
  '%e2%80%ba',
  '%e2%80%98',
  '%e2%80%99',
  '%e2%80%9c',
  '%e2%80%9d',
  '%e2%80%9a',
  '%e2%80%9b',
  '%e2%80%9e',
  '%e2%80%9f',
  '%e2%80%a2',
  '%c2%a9',
  '%c2%ae',
  '%c2%b0',
  '%e2%80%a6',
  '%e2%84%a2',
  '%c2%b4',
  '%cb%8a',
  '%cc%81',
  '%cd%81',
  '%cc%80',
  '%cc%84',
  '%cc%8c',
  '%e2%80%8b',
  '%e2%80%8c',
  '%e2%80%8d',
  '%e2%80%8e',
  '%e2%80%8f',
  '%e2%80%aa',
  '%e2%80%ab',
  '%e2%80%ac',
  '%e2%80%ad',
  '%e2%80%ae',
  '%ef%bb%bf',
  '%ef%bf%bc',
] as const;

/** Turned into a hyphen: the Unicode spaces with a width (en quad … hair space, line/paragraph separators, NNBSP). */
const SPACE_OCTETS = [
  '%e2%80%80',
  '%e2%80%81',
  '%e2%80%82',
  '%e2%80%83',
  '%e2%80%84',
  '%e2%80%85',
  '%e2%80%86',
  '%e2%80%87',
  '%e2%80%88',
  '%e2%80%89',
  '%e2%80%8a',
  '%e2%80%a8',
  '%e2%80%a9',
  '%e2%80%af',
] as const;
