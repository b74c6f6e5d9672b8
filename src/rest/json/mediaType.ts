/** wp_is_json_media_type's pattern: application/json, application/*+json, and +oembed variants. */
const JSON_MEDIA_TYPE = /(^|\s|,)application\/([\w!#$&-^.+]+\+)?json(\+oembed)?($|\s|;|,)/i;

/** WP_REST_Request::get_content_type()['value']: the lower-cased type/subtype, or null when there is none. */
export function contentTypeValue(header: string | undefined): string | null {
  if (!header) return null;
  const semicolon = header.indexOf(';');
  const value = (semicolon > 0 ? header.slice(0, semicolon) : header).toLowerCase().trim();
  return value.includes('/') ? value : null;
}

/** WP_REST_Request::is_json_content_type. */
export function isJsonContentType(header: string | undefined): boolean {
  const value = contentTypeValue(header);
  return value !== null && JSON_MEDIA_TYPE.test(value);
}

export const FORM_URLENCODED = 'application/x-www-form-urlencoded';
