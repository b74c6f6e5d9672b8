import { ksesNoNull } from './ksesNoNull';

describe('ksesNoNull', () => {
  it('removes control characters but keeps tab, LF and CR', () => {
    expect(ksesNoNull('a\0b\x01c\x0Bd\x0Ce\x1Ff\tg\nh\ri')).toBe('abcdef\tg\nh\ri');
  });

  it('removes backslash-zero runs unless told to keep them', () => {
    expect(ksesNoNull('a\\0b\\\\00c')).toBe('abc');
    expect(ksesNoNull('a\\0b', true)).toBe('a\\0b');
  });
});
