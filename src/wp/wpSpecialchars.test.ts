import { wpSpecialchars } from './wpSpecialchars';

describe('wpSpecialchars', () => {
  it('leaves text without special characters alone', () => {
    expect(wpSpecialchars('Jörg Müller')).toBe('Jörg Müller');
  });

  it('encodes & < > and keeps quotes by default (ENT_NOQUOTES)', () => {
    expect(wpSpecialchars(`Tom & "Jerry" <o'k>`)).toBe(`Tom &amp; "Jerry" &lt;o'k&gt;`);
  });

  it('encodes quotes with ENT_QUOTES', () => {
    expect(wpSpecialchars(`"a" 'b'`, 'quotes')).toBe('&quot;a&quot; &#039;b&#039;');
  });

  it('does not double-encode valid entities', () => {
    expect(wpSpecialchars('&amp; &lt; &copy; &#058; &#x41;')).toBe('&amp; &lt; &copy; &#058; &#x41;');
    expect(wpSpecialchars('&bogus; &#1;')).toBe('&amp;bogus; &amp;#1;');
  });

  it("encodes &apos; because PHP's HTML 4.01 table lacks it", () => {
    expect(wpSpecialchars('&apos;')).toBe('&amp;apos;');
  });
});
