/**
 * The usermeta rows WordPress's wp_insert_user writes for a new user, in its order (WordPress 6.x), as the tests
 * expect them: spelled out here, independently of src/wp/newUserMeta.ts, so a test comparing the two can fail.
 */
export function wpInsertUserMetaRows(nickname: string, firstName = '', lastName = ''): Array<[string, string]> {
  return [
    ['nickname', nickname],
    ['first_name', firstName],
    ['last_name', lastName],
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
