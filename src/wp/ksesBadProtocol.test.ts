import { ksesBadProtocol } from './ksesBadProtocol';

describe('ksesBadProtocol', () => {
  it('keeps http(s) and other allowed schemes, lower-casing the scheme', () => {
    expect(ksesBadProtocol('https://example.com/a:b')).toBe('https://example.com/a:b');
    expect(ksesBadProtocol('MailTo:john@example.com')).toBe('mailto:john@example.com');
    expect(ksesBadProtocol('/relative/path')).toBe('/relative/path');
  });

  it('removes disallowed schemes, also when disguised', () => {
    expect(ksesBadProtocol('javascript:alert(1)')).toBe('alert(1)');
    expect(ksesBadProtocol('java\tscript:alert(1)')).toBe('alert(1)');
    expect(ksesBadProtocol('javascript&#58;alert(1)')).toBe('alert(1)');
    expect(ksesBadProtocol('&#106;avascript:x')).toBe('x');
    expect(ksesBadProtocol('javascript:javascript:x')).toBe('x');
  });

  it('handles feed: wrappers and the literal "/?" check', () => {
    expect(ksesBadProtocol('feed:javascript:x')).toBe('feed:x');
    expect(ksesBadProtocol('a/?b:c')).toBe('a/?b:c');
  });

  it('gives up on values that keep changing', () => {
    expect(ksesBadProtocol('a:b:c:d:e:f:g:h')).toBe('');
  });
});
