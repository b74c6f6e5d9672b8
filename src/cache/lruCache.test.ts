import { LruCache } from './lruCache';

describe('LruCache', () => {
  it('keeps at most its limit, dropping the least recently used', () => {
    const created: string[] = [];
    const cache = new LruCache<string, string>(2);
    const upper = (key: string) => cache.getOrCreate(key, (k) => (created.push(k), k.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(upper('c')).toBe('C'); // drops b: a was used after it
    expect(cache.size).toBe(2);
    expect(upper('a')).toBe('A');
    expect(upper('b')).toBe('B');
    expect(created).toEqual(['a', 'b', 'c', 'b']);
    for (let i = 0; i < 1000; i++) upper(`k${i}`);
    expect(cache.size).toBe(2);
  });

  it('refuses a limit below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
