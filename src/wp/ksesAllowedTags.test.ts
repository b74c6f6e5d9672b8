import { ksesAllowedTags } from './ksesAllowedTags';

describe('ksesAllowedTags', () => {
  it('keeps allowed elements and drops the rest', () => {
    expect(ksesAllowedTags('<b>bold</b> <script>x</script> <div class="c">d</div>')).toBe('<b>bold</b> x d');
    expect(ksesAllowedTags('<B >x</B >')).toBe('<B>x</B>');
    expect(ksesAllowedTags('Tom < Jerry > Spike')).toBe('Tom  Spike');
  });

  it('keeps only allowed attributes, quoting and URL-checking them', () => {
    expect(ksesAllowedTags('<a href=x.html onclick="evil()" title=\'t\'>l</a>')).toBe(
      `<a href="x.html" title='t'>l</a>`,
    );
    expect(ksesAllowedTags('<a href="javascript:alert(1)">x</a>')).toBe('<a href="alert(1)">x</a>');
    expect(ksesAllowedTags('<b class="x" />')).toBe('<b />');
    expect(ksesAllowedTags('< abbr title="T" >')).toBe('<abbr title="T">');
  });

  it('encodes stray > and normalises entities', () => {
    expect(ksesAllowedTags('a > b & c &copy;')).toBe('a &gt; b &amp; c &copy;');
  });

  it('removes control characters but keeps backslash-zero', () => {
    expect(ksesAllowedTags('a\x01b\\0c')).toBe('ab\\0c');
  });

  it('cleans comments and bogus comments', () => {
    expect(ksesAllowedTags('a<!-- <b>x</b> -- y -->b')).toBe('a<!-- <b>x</b> - y -->b');
    expect(ksesAllowedTags('a<!---->b')).toBe('ab');
    expect(ksesAllowedTags('a</1 <i>x</i>>b')).toBe('a</1 <i>>x</i>&gt;b');
    expect(ksesAllowedTags('a<!doctype <script>>b')).toBe('a<!doctype >&gt;b');
  });

  it('drops seriously malformed tags', () => {
    expect(ksesAllowedTags('a<:::>b<')).toBe('ab');
  });
});
