import { ksesNormalizeEntities } from './ksesNormalizeEntities';

describe('ksesNormalizeEntities', () => {
  it('escapes bare ampersands and unknown names, keeps allowed names', () => {
    expect(ksesNormalizeEntities('AT&T')).toBe('AT&amp;T');
    expect(ksesNormalizeEntities('&amp; &copy; &apos; &hellip;')).toBe('&amp; &copy; &apos; &hellip;');
    expect(ksesNormalizeEntities('&foo; &nbsp')).toBe('&amp;foo; &amp;nbsp');
  });

  it('normalises numeric entities', () => {
    expect(ksesNormalizeEntities('&#58; &#00058; &#0000000065;')).toBe('&#058; &#058; &#065;');
    expect(ksesNormalizeEntities('&#12345678;')).toBe('&amp;#12345678;');
    expect(ksesNormalizeEntities('&#x003A; &#X41;')).toBe('&#x3A; &#x41;');
    expect(ksesNormalizeEntities('&#1; &#xD800; &#99999999;')).toBe('&amp;#1; &amp;#xD800; &amp;#99999999;');
  });

  it("drops &#0; and &#x0; (PHP treats '0' as empty)", () => {
    expect(ksesNormalizeEntities('a&#0;b&#x0;c&#00;')).toBe('abc&amp;#00;');
  });
});
