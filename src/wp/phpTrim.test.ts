import { phpTrim } from './phpTrim';

describe('phpTrim', () => {
  it('removes only PHP trim characters by default', () => {
    expect(phpTrim(' \t\n\r\0\x0Bab \t')).toBe('ab');
    expect(phpTrim('\u00a0a\u00a0')).toBe('\u00a0a\u00a0');
    expect(phpTrim('\fa\f')).toBe('\fa\f');
  });

  it('uses a given character list', () => {
    expect(phpTrim('--a-b--', '-')).toBe('a-b');
    expect(phpTrim('.x.com.', ' .')).toBe('x.com');
    expect(phpTrim('----', '-')).toBe('');
  });
});
