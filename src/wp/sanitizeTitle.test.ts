import { sanitizeTitle } from './sanitizeTitle';

describe('sanitizeTitle', () => {
  it('derives the nicename WordPress stores for an email-like login', () => {
    expect(sanitizeTitle('john.doe@example.com')).toBe('john-doeexample-com');
    expect(sanitizeTitle('tables.person')).toBe('tables-person');
  });

  it('lower-cases, dashes whitespace and slashes, collapses and trims hyphens', () => {
    expect(sanitizeTitle('  John   Doe / Jr. ')).toBe('john-doe-jr');
    expect(sanitizeTitle('--a__b--')).toBe('a__b');
    expect(sanitizeTitle('a\tb')).toBe('ab');
  });

  it('transliterates accents first and keeps other non-ASCII as octets', () => {
    expect(sanitizeTitle('Jöhn Müller')).toBe('john-muller');
    expect(sanitizeTitle('Jöhn', 'de_DE')).toBe('joehn');
    expect(sanitizeTitle('Ωmega')).toBe('%cf%89mega');
    expect(sanitizeTitle('日本')).toBe('%e6%97%a5%e6%9c%ac');
  });

  it('keeps valid octets (lower-cased) and drops stray percent signs', () => {
    expect(sanitizeTitle('100% %C3%A9t%e9')).toBe('100-%c3%a9t%e9');
  });

  it('applies the save-context replacements', () => {
    expect(sanitizeTitle('a\u00a0b\u2013c\u2014d')).toBe('a-b-c-d');
    expect(sanitizeTitle('a&nbsp;b&ndash;c')).toBe('a-b-c');
    expect(sanitizeTitle('«Hi» “you” ©2024 3×4')).toBe('hi-you-2024-3x4');
    expect(sanitizeTitle('zero\u200bwidth\u2003space')).toBe('zerowidth-space');
  });

  it('strips tags and entities', () => {
    expect(sanitizeTitle('<b>Bold</b> &amp; more')).toBe('bold-more');
  });

  it('limits the octet-encoded form to 200 characters', () => {
    expect(sanitizeTitle('日'.repeat(80))).toBe('%e6%97%a5'.repeat(22));
  });
});
