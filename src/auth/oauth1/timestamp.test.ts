import { isTimestampInWindow, parseOAuthTimestamp } from './timestamp';

describe('OAuth timestamp', () => {
  it('accepts only whole seconds', () => {
    expect(parseOAuthTimestamp('1700000000')).toBe(1700000000);
    expect(parseOAuthTimestamp('1700000000.5')).toBeNull();
    expect(parseOAuthTimestamp('-5')).toBeNull();
    expect(parseOAuthTimestamp('abc')).toBeNull();
  });

  it('allows 15 minutes either way and no more', () => {
    const now = 1700000000;
    expect(isTimestampInWindow(now - 900, now)).toBe(true);
    expect(isTimestampInWindow(now + 900, now)).toBe(true);
    expect(isTimestampInWindow(now - 901, now)).toBe(false);
    expect(isTimestampInWindow(now + 901, now)).toBe(false);
  });
});
