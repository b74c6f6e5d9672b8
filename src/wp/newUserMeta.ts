/**
 * The meta rows wp_insert_user writes for a new user, in its order (WordPress 6.8/6.9: `admin_color` is `fresh`
 * until 7.0 and there is no `infinite_scrolling` yet). Values are as stored; names already filtered.
 */
export function newUserMeta(user: { nickname: string; firstName: string; lastName: string }): Array<[string, string]> {
  return [
    ['nickname', user.nickname],
    ['first_name', user.firstName],
    ['last_name', user.lastName],
    ['description', ''],
    ['rich_editing', 'true'],
    ['syntax_highlighting', 'true'],
    ['comment_shortcuts', 'false'],
    ['admin_color', 'fresh'],
    ['use_ssl', '0'],
    ['show_admin_bar_front', 'true'],
    ['locale', ''],
  ];
}
