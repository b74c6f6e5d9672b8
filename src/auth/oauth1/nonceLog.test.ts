import { recordNonce } from './nonceLog';

const NOW = 1700000000;

describe('nonce log', () => {
  it('records a new nonce under its timestamp', () => {
    expect(recordNonce([[NOW - 10, 'a']], NOW, 'b', NOW)).toEqual({
      accepted: true,
      log: [
        [NOW - 10, 'a'],
        [NOW, 'b'],
      ],
    });
  });

  it('refuses a nonce already in the log, whatever its timestamp', () => {
    expect(recordNonce([[NOW - 10, 'a']], NOW, 'a', NOW)).toEqual({ accepted: false });
  });

  it('compares strictly, like in_array(..., true)', () => {
    expect(recordNonce([[NOW - 10, 12345]], NOW, '12345', NOW).accepted).toBe(true);
  });

  it('keeps one nonce per timestamp: a second one in the same second replaces the first, in place', () => {
    expect(
      recordNonce(
        [
          [NOW, 'a'],
          [NOW + 1, 'b'],
        ],
        NOW,
        'c',
        NOW,
      ),
    ).toEqual({
      accepted: true,
      log: [
        [NOW, 'c'],
        [NOW + 1, 'b'],
      ],
    });
  });

  it('drops entries older than the 15-minute window', () => {
    expect(
      recordNonce(
        [
          [NOW - 901, 'old'],
          [NOW - 900, 'edge'],
        ],
        NOW,
        'new',
        NOW,
      ),
    ).toEqual({
      accepted: true,
      log: [
        [NOW - 900, 'edge'],
        [NOW, 'new'],
      ],
    });
  });
});
