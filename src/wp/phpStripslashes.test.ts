import { phpStripslashes } from './phpStripslashes';

describe('phpStripslashes', () => {
  it('unescapes like PHP', () => {
    expect(phpStripslashes("O\\'Brien")).toBe("O'Brien");
    expect(phpStripslashes('a\\\\b')).toBe('a\\b');
    expect(phpStripslashes('C:\\path')).toBe('C:path');
    expect(phpStripslashes('a\\0b')).toBe('a\0b');
    expect(phpStripslashes('end\\')).toBe('end');
  });
});
