import { isEmail } from './isEmail';

describe('isEmail', () => {
  it('accepts ordinary addresses and returns them', () => {
    expect(isEmail('john.doe@example.com')).toBe('john.doe@example.com');
    expect(isEmail("o'neil+tag@sub.example.co.uk")).toBe("o'neil+tag@sub.example.co.uk");
    expect(isEmail('a@b.co')).toBe('a@b.co');
    expect(isEmail('.a..b.@xn--bcher-kva.de')).toBe('.a..b.@xn--bcher-kva.de');
  });

  it('rejects short or @-less input', () => {
    expect(isEmail('a@b.c')).toBe(false);
    expect(isEmail('@example.com')).toBe(false);
    expect(isEmail('example.com')).toBe(false);
  });

  it('checks the local part characters', () => {
    expect(isEmail('jo hn@example.com')).toBe(false);
    expect(isEmail('jöhn@example.com')).toBe(false);
    expect(isEmail('a@b@example.com')).toBe(false);
  });

  it('keeps PCRE $ semantics: a trailing newline on the local part passes', () => {
    expect(isEmail('john\n@example.com')).toBe('john\n@example.com');
  });

  it('checks the domain', () => {
    expect(isEmail('john@example..com')).toBe(false);
    expect(isEmail('john@.example.com')).toBe(false);
    expect(isEmail('john@example.com.')).toBe(false);
    expect(isEmail('john@example.com ')).toBe(false);
    expect(isEmail('john@localhost')).toBe(false);
    expect(isEmail('john@-example.com')).toBe(false);
    expect(isEmail('john@exa_mple.com')).toBe(false);
    expect(isEmail('john@bücher.de')).toBe(false);
    expect(isEmail('john@EXAMPLE.COM')).toBe('john@EXAMPLE.COM');
  });

  it('counts bytes for the minimum length', () => {
    expect(isEmail('é@x.c')).toBe(false);
  });
});
