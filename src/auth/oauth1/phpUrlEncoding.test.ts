import { rawUrlDecode, rawUrlEncode } from './phpUrlEncoding';

describe('PHP raw URL encoding', () => {
  it('rawurlencode keeps only A-Z a-z 0-9 - _ . ~ and encodes UTF-8 bytes in upper-case hex', () => {
    expect(rawUrlEncode("a b+c~*'()!é/?&=")).toBe('a%20b%2Bc~%2A%27%28%29%21%C3%A9%2F%3F%26%3D');
    expect(rawUrlEncode('AZaz09-_.')).toBe('AZaz09-_.');
  });

  it('rawurldecode decodes %XX, keeps + and malformed sequences', () => {
    expect(rawUrlDecode('a+b%20c%2B%C3%A9%ZZ%4')).toBe('a+b c+é%ZZ%4');
  });
});
