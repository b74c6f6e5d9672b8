import { forgetOldest } from './forgetOldest';

describe('forgetOldest', () => {
  it('lets a map grow an eighth past its limit, then keeps the newest `limit` entries', () => {
    const map = new Map<number, string>();
    for (let key = 1; key <= 18; key++) {
      map.set(key, `v${key}`);
      forgetOldest(map, 16);
    }
    expect([...map.keys()]).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    map.set(19, 'v19');
    forgetOldest(map, 16);
    expect([...map.keys()]).toEqual(Array.from({ length: 16 }, (_, index) => index + 4));
  });

  it('keeps a small map at its limit exactly', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    forgetOldest(map, 2);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });
});
