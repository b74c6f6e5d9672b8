import { isPhpEmptyString } from './phpEmpty';

describe('isPhpEmptyString', () => {
  it("treats '' and '0' as empty, like PHP", () => {
    expect(isPhpEmptyString('')).toBe(true);
    expect(isPhpEmptyString('0')).toBe(true);
    expect(isPhpEmptyString('00')).toBe(false);
    expect(isPhpEmptyString(' ')).toBe(false);
  });
});
