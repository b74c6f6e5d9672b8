import { isLastAccessStale } from './lastAccess';

describe('last_access throttling', () => {
  it('writes when never written or unreadable', () => {
    expect(isLastAccessStale(null, '2025-01-01 12:00:00')).toBe(true);
    expect(isLastAccessStale('0000-00-00 00:00:00', '2025-01-01 12:00:00')).toBe(true);
    expect(isLastAccessStale('garbage', '2025-01-01 12:00:00')).toBe(true);
  });

  it('skips the write within 60 seconds and writes after', () => {
    expect(isLastAccessStale('2025-01-01 11:59:01', '2025-01-01 12:00:00')).toBe(false);
    expect(isLastAccessStale('2025-01-01 11:59:00', '2025-01-01 12:00:00')).toBe(true);
    expect(isLastAccessStale('2024-12-31 23:59:30', '2025-01-01 00:00:10')).toBe(false);
  });

  it('rewrites a value in the future', () => {
    expect(isLastAccessStale('2025-01-01 13:00:00', '2025-01-01 12:00:00')).toBe(true);
  });
});
