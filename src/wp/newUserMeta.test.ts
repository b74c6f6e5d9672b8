import { newUserMeta } from './newUserMeta';
import { wpInsertUserMetaRows } from '../../test/helpers/wordPressUserMeta';

describe('newUserMeta', () => {
  it('lists the keys wp_insert_user writes, in its order, with the given names', () => {
    expect(newUserMeta({ nickname: 'jo', firstName: 'Jo', lastName: 'Doe' })).toEqual([
      ...wpInsertUserMetaRows('jo', 'Jo', 'Doe'),
    ]);
  });
});
