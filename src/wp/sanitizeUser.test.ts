import { sanitizeUser, validateUsername } from './sanitizeUser';

describe('sanitizeUser', () => {
  it('strips tags, octets and entities, keeping case', () => {
    expect(sanitizeUser('<b>John</b>')).toBe('John');
    expect(sanitizeUser('jo%20hn')).toBe('john');
    expect(sanitizeUser('Tom&amp;Jerry')).toBe('TomJerry');
    expect(sanitizeUser('a&b;c&d')).toBe('ac&d');
  });

  it('transliterates accents, then strict mode keeps only the safe ASCII set', () => {
    expect(sanitizeUser('Jöhn')).toBe('John');
    expect(sanitizeUser('pässwörd€', true)).toBe('passwordE');
    expect(sanitizeUser('a+b', true)).toBe('ab');
    expect(sanitizeUser('john.doe-1_x@ex.com', true)).toBe('john.doe-1_x@ex.com');
    expect(sanitizeUser('日本語', true)).toBe('');
    expect(sanitizeUser('a+b')).toBe('a+b');
  });

  it('uses the site locale for transliteration', () => {
    expect(sanitizeUser('Jörg', true, 'de_DE')).toBe('Joerg');
  });

  it('trims with PHP trim and collapses ASCII whitespace', () => {
    expect(sanitizeUser('  John \t  Doe  ')).toBe('John Doe');
    expect(sanitizeUser('a\fb')).toBe('a b');
    expect(sanitizeUser('ab\f')).toBe('ab ');
    expect(sanitizeUser('a\u00a0b')).toBe('a\u00a0b');
    expect(sanitizeUser('a\u00a0b', true)).toBe('ab');
  });
});

describe('validateUsername', () => {
  it('accepts names a strict sanitize leaves alone', () => {
    expect(validateUsername('john.doe')).toBe(true);
    expect(validateUsername('John Doe@x')).toBe(true);
  });

  it('rejects empty, "0" and anything strict sanitizing changes', () => {
    expect(validateUsername('')).toBe(false);
    expect(validateUsername('0')).toBe(false);
    expect(validateUsername('Jöhn')).toBe(false);
    expect(validateUsername('a+b')).toBe(false);
    expect(validateUsername(' john')).toBe(false);
  });
});
