import { checkInvalidUtf8 } from './checkInvalidUtf8';
import { wpSpecialchars } from './wpSpecialchars';

/** WordPress esc_html(): '' for invalid UTF-8, else `&`, `<`, `>`, `"`, `'` encoded without double encoding. */
export function escHtml(text: string): string {
  return wpSpecialchars(checkInvalidUtf8(text), 'quotes');
}
