import { ksesAllowedTags } from './ksesAllowedTags';
import { phpStripslashes } from './phpStripslashes';
import { sanitizeTextField } from './sanitizeTextField';
import { wpSpecialchars } from './wpSpecialchars';

/**
 * What WordPress's default filters do to display_name, first_name, last_name and nickname on wp_insert_user()
 * (pre_user_* in default-filters.php): sanitize_text_field, then wp_filter_kses (stripslashes → kses with the allowed
 * tags → addslashes), then _wp_specialchars at priority 30; wp_insert_user finally unslashes, which undoes the
 * addslashes. Net effect on the unslashed value a caller passes: `&` → `&amp;`, `<`/`>` encoded, quotes untouched,
 * and a backslash is consumed as an escape (`O\'Neil` → `O'Neil`, `a\b` → `ab`).
 */
export function filterUserTextField(value: string): string {
  return wpSpecialchars(ksesAllowedTags(phpStripslashes(sanitizeTextField(value))), 'noquotes');
}
