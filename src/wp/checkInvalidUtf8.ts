/**
 * WordPress wp_check_invalid_utf8(): invalid UTF-8 yields ''. A JS string can only be invalid through a lone
 * surrogate (e.g. JSON `"\ud800"`), which has no UTF-8 encoding.
 */
export function checkInvalidUtf8(text: string): string {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) ? '' : text;
}
