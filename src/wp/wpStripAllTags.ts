import { phpStripTags } from './phpStripTags';
import { phpTrim } from './phpTrim';

/**
 * WordPress wp_strip_all_tags(): like strip_tags(), but `<script>`/`<style>` elements go with their content, and the
 * result is trimmed (PHP trim).
 */
export function wpStripAllTags(text: string): string {
  const withoutScripts = text.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '');
  return phpTrim(phpStripTags(withoutScripts));
}
