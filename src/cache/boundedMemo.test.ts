import { boundedMemo } from './boundedMemo';

describe('boundedMemo', () => {
  it('computes a key once, and starts over when full', () => {
    const computed: string[] = [];
    const upper = boundedMemo(2, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(computed).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C'); // full: emptied, then remembers c
    expect(upper('a')).toBe('A');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers falsy values too', () => {
    let calls = 0;
    const empty = boundedMemo(10, () => {
      calls += 1;
      return '';
    });
    empty('x');
    empty('x');
    expect(calls).toBe(1);
  });
});
