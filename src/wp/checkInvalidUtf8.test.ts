import { checkInvalidUtf8 } from './checkInvalidUtf8';

describe('checkInvalidUtf8', () => {
  it('keeps valid text, including astral characters', () => {
    expect(checkInvalidUtf8('Jörg 😀')).toBe('Jörg 😀');
  });

  it('returns empty for lone surrogates', () => {
    expect(checkInvalidUtf8('a\uD800b')).toBe('');
    expect(checkInvalidUtf8('a\uDC00')).toBe('');
    expect(checkInvalidUtf8('\uDE00\uD83D')).toBe('');
  });
});
