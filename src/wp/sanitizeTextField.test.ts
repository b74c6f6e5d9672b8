import { sanitizeTextField } from './sanitizeTextField';

describe('sanitizeTextField', () => {
  it('strips tags and collapses whitespace', () => {
    expect(sanitizeTextField('  <b>John</b>\n\tDoe  ')).toBe('John Doe');
    expect(sanitizeTextField('a<script>x()</script>b')).toBe('ab');
  });

  it('keeps a lone < as an entity and a spaced < as text', () => {
    expect(sanitizeTextField('a < b')).toBe('a &lt; b');
    expect(sanitizeTextField('x<')).toBe('x&lt;');
    expect(sanitizeTextField('a <b c')).toBe('a &lt;b c');
    expect(sanitizeTextField('1 < 2 > 0')).toBe('1 < 2 > 0');
    expect(sanitizeTextField(`it's "<x`)).toBe(`it's "&lt;x`);
    expect(sanitizeTextField(`<'x`)).toBe('&lt;&#039;x');
  });

  it('turns < before a newline into an entity', () => {
    expect(sanitizeTextField('a <\n b >')).toBe('a &lt; b >');
  });

  it('removes percent-encoded octets, even ones revealed by a removal', () => {
    expect(sanitizeTextField('100%25 sure %41%42')).toBe('100 sure');
    expect(sanitizeTextField('%%4141x')).toBe('x');
    expect(sanitizeTextField('50% off')).toBe('50% off');
  });

  it('does not touch NBSP or accents, and rejects invalid UTF-8', () => {
    expect(sanitizeTextField('Jörg\u00a0M')).toBe('Jörg\u00a0M');
    expect(sanitizeTextField('a\uD800')).toBe('');
  });
});
