import { wpStripAllTags } from './wpStripAllTags';

describe('wpStripAllTags', () => {
  it('removes script and style elements with their content', () => {
    expect(wpStripAllTags('a<script>alert(1)</script>b')).toBe('ab');
    expect(wpStripAllTags('a<STYLE type="x">p{}</style>b')).toBe('ab');
    expect(wpStripAllTags('<script>x</script')).toBe('x');
  });

  it('strips tags and trims with PHP trim', () => {
    expect(wpStripAllTags('  <b>x</b>\n')).toBe('x');
    expect(wpStripAllTags('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
  });
});
