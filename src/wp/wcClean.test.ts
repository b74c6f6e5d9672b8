import { wcClean } from './wcClean';

describe('wcClean', () => {
  it('sanitizes strings like sanitize_text_field', () => {
    expect(wcClean('  <b>John</b>  ')).toBe('John');
  });

  it('casts other scalars to PHP strings first', () => {
    expect(wcClean(5)).toBe('5');
    expect(wcClean(true)).toBe('1');
    expect(wcClean(false)).toBe('');
    expect(wcClean(null)).toBeNull();
  });

  it('returns non-array objects and undefined untouched', () => {
    const date = new Date(0);
    expect(wcClean(date)).toBe(date);
    expect(wcClean(undefined)).toBeUndefined();
  });

  it('cleans arrays and objects recursively, keeping keys', () => {
    expect(wcClean([' a ', ['<i>b</i>', 2]])).toEqual(['a', ['b', '2']]);
    expect(wcClean({ city: ' Berlin\n', nested: { zip: 10115, note: null } })).toEqual({
      city: 'Berlin',
      nested: { zip: '10115', note: null },
    });
  });
});
