import { phpTrim } from './formats';

const PHP_TRIM = ' \t\n\r\0\x0B';

/** sanitize_text_field: no tags, no line breaks or runs of whitespace, no percent-encoded octets, trimmed. */
export function sanitizeTextField(value: string): string {
  return sanitizeTextFields(value, false);
}

/** sanitize_textarea_field: as sanitize_text_field, but line breaks and inner whitespace are kept. */
export function sanitizeTextareaField(value: string): string {
  return sanitizeTextFields(value, true);
}

/** _sanitize_text_fields. */
function sanitizeTextFields(value: string, keepNewlines: boolean): string {
  let filtered = value;
  if (filtered.includes('<')) {
    filtered = escapeLoneLessThan(filtered);
    filtered = stripAllTags(filtered);
    // Keeps later newline stripping from turning "<\n" into a working tag.
    filtered = filtered.replaceAll('<\n', '&lt;\n');
  }
  if (!keepNewlines) filtered = filtered.replace(/[\r\n\t ]+/g, ' ');
  filtered = phpTrim(filtered, PHP_TRIM);

  let found = false;
  let match: RegExpExecArray | null;
  while ((match = /%[a-f0-9]{2}/i.exec(filtered)) !== null) {
    filtered = filtered.replaceAll(match[0], '');
    found = true;
  }
  if (found) filtered = phpTrim(filtered.replace(/ +/g, ' '), PHP_TRIM);
  return filtered;
}

/** wp_pre_kses_less_than: a `<` that never closes is text, so it is HTML-escaped instead of stripped. */
function escapeLoneLessThan(value: string): string {
  return value.replace(/<[^>]*?((?=<)|>|$)/g, (match) => (match.includes('>') ? match : escapeHtml(match)));
}

/** wp_strip_all_tags( $text, false ): script/style elements with their content, then every tag and comment. */
function stripAllTags(value: string): string {
  const withoutScripts = value.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '');
  return phpTrim(withoutScripts.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<[^>]*(>|$)/g, ''), PHP_TRIM);
}

/** esc_html without double-encoding existing entities. */
function escapeHtml(value: string): string {
  return value
    .replace(/&(?!(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}
