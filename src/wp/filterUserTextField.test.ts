import { filterUserTextField } from './filterUserTextField';

describe('filterUserTextField', () => {
  it('leaves plain names alone', () => {
    expect(filterUserTextField('John Doe')).toBe('John Doe');
    expect(filterUserTextField('Jörg O\'Neil "JJ"')).toBe('Jörg O\'Neil "JJ"');
  });

  it('encodes ampersands and angle brackets, keeping existing entities', () => {
    expect(filterUserTextField('Tom & Jerry')).toBe('Tom &amp; Jerry');
    expect(filterUserTextField('Tom &amp; Jerry &copy;')).toBe('Tom &amp; Jerry &copy;');
    expect(filterUserTextField('a > b')).toBe('a &gt; b');
    expect(filterUserTextField('a < b')).toBe('a &lt; b');
  });

  it('strips tags, whitespace runs and octets like sanitize_text_field', () => {
    expect(filterUserTextField(' <b>John</b>\n Doe%20 ')).toBe('John Doe');
  });

  it('drops spaced pseudo-tags kses does not allow, encodes allowed ones', () => {
    expect(filterUserTextField('Tom < Jerry > Spike')).toBe('Tom  Spike');
    expect(filterUserTextField('x < b > y')).toBe('x &lt;b&gt; y');
  });

  it('consumes backslashes as escapes, as the slashing round trip does', () => {
    expect(filterUserTextField("O\\'Neil")).toBe("O'Neil");
    expect(filterUserTextField('C:\\path')).toBe('C:path');
  });

  it("turns &apos; into &amp;apos; (kses allows it, PHP's HTML 4.01 table does not)", () => {
    expect(filterUserTextField('it&apos;s')).toBe('it&amp;apos;s');
  });
});
