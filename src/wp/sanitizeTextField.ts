import { checkInvalidUtf8 } from './checkInvalidUtf8';
import { escHtml } from './escHtml';
import { phpTrim } from './phpTrim';
import { wpStripAllTags } from './wpStripAllTags';

/**
 * WordPress sanitize_text_field(): '' for invalid UTF-8; a `<` not closed before the next `<` (or the end) is
 * HTML-escaped so it survives as text, then tags are stripped; line breaks, tabs and space runs become one space;
 * the result is trimmed; `%XX` octets are removed (repeatedly, as removing one can reveal another) and, if any were,
 * spaces are collapsed and trimmed again.
 */
export function sanitizeTextField(text: string): string {
  let filtered = checkInvalidUtf8(text);
  if (filtered.includes('<')) {
    filtered = wpStripAllTags(preKsesLessThan(filtered));
    // A `<` left before a newline must not become a tag once the newline turns into a space.
    filtered = filtered.split('<\n').join('&lt;\n');
  }
  filtered = phpTrim(filtered.replace(/[\r\n\t ]+/g, ' '));

  let found = false;
  for (let octet = /%[a-f0-9]{2}/i.exec(filtered); octet; octet = /%[a-f0-9]{2}/i.exec(filtered)) {
    filtered = filtered.split(octet[0]).join('');
    found = true;
  }
  return found ? phpTrim(filtered.replace(/ +/g, ' ')) : filtered;
}

/** WordPress wp_pre_kses_less_than(): escapes a `<…` run that reaches the next `<` or the end without a `>`. */
function preKsesLessThan(text: string): string {
  return text.replace(/<[^>]*?(?:(?=<)|>|$)/g, (run) => (run.includes('>') ? run : escHtml(run)));
}
