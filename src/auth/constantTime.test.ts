import { constantTimeEquals } from './constantTime';

describe('constant-time comparison', () => {
  it('is true only for identical strings', () => {
    expect(constantTimeEquals('cs_abc', 'cs_abc')).toBe(true);
    expect(constantTimeEquals('cs_abc', 'cs_abd')).toBe(false);
    expect(constantTimeEquals('cs_abc', 'cs_ab')).toBe(false);
    expect(constantTimeEquals('é', 'e')).toBe(false);
  });
});
