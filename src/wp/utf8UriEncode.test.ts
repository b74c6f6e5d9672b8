import { utf8UriEncode } from './utf8UriEncode';

describe('utf8UriEncode', () => {
  it('encodes non-ASCII characters as lower-case UTF-8 octets', () => {
    expect(utf8UriEncode('aé€😀 b')).toBe('a%c3%a9%e2%82%ac%f0%9f%98%80 b');
  });

  it('stops before the character that would pass the length limit', () => {
    expect(utf8UriEncode('abcé', 4)).toBe('abc');
    expect(utf8UriEncode('abcé', 9)).toBe('abc%c3%a9');
    expect(utf8UriEncode('éab', 7)).toBe('%c3%a9a');
  });
});
