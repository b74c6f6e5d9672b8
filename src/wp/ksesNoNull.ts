/**
 * WordPress wp_kses_no_null(): removes control characters except tab, LF and CR. Unless `keepSlashZero` (what wp_kses
 * itself passes), also removes backslash-zero sequences (`\0`, `\\00`, …).
 */
export function ksesNoNull(content: string, keepSlashZero = false): string {
  // eslint-disable-next-line no-control-regex -- WordPress's class: the control characters but tab, LF and CR
  const withoutControls = content.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '');
  return keepSlashZero ? withoutControls : withoutControls.replace(/\\+0+/g, '');
}
