import { sanitizeEmail } from './sanitizeEmail';

describe('sanitizeEmail', () => {
  it('keeps valid addresses, case included', () => {
    expect(sanitizeEmail('John.Doe@Example.com')).toBe('John.Doe@Example.com');
  });

  it('strips bad characters instead of rejecting', () => {
    expect(sanitizeEmail('jo hn(x)@exa mple.com')).toBe('johnx@example.com');
    expect(sanitizeEmail('jöhn@bücher.de')).toBe('jhn@bcher.de');
  });

  it('removes dot runs entirely from the domain', () => {
    expect(sanitizeEmail('john@sub..example.com')).toBe('john@subexample.com');
    expect(sanitizeEmail('a@example..com')).toBe('');
  });

  it('returns empty for hopeless input', () => {
    expect(sanitizeEmail('a@b.c')).toBe('');
    expect(sanitizeEmail('@example.com')).toBe('');
    expect(sanitizeEmail('ööö@example.com')).toBe('');
    expect(sanitizeEmail('john@localhost')).toBe('');
    expect(sanitizeEmail('john@..')).toBe('');
    expect(sanitizeEmail('john@...com')).toBe('');
  });

  it('cleans labels and drops empty ones', () => {
    expect(sanitizeEmail('john@-sub-.example.com.')).toBe('john@sub.example.com');
    expect(sanitizeEmail('john@a.!!.com')).toBe('john@a.com');
    expect(sanitizeEmail(' john@example.com ')).toBe('john@example.com');
  });
});
