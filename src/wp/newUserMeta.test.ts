import { newUserMeta } from './newUserMeta';

describe('newUserMeta', () => {
  it('lists the keys wp_insert_user writes, in its order, with the given names', () => {
    expect(newUserMeta({ nickname: 'jo', firstName: 'Jo', lastName: 'Doe' })).toEqual([
      ['nickname', 'jo'],
      ['first_name', 'Jo'],
      ['last_name', 'Doe'],
      ['description', ''],
      ['rich_editing', 'true'],
      ['syntax_highlighting', 'true'],
      ['comment_shortcuts', 'false'],
      ['admin_color', 'fresh'],
      ['use_ssl', '0'],
      ['show_admin_bar_front', 'true'],
      ['locale', ''],
    ]);
  });
});
