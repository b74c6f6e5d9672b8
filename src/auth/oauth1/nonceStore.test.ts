import { readNonceLog, writeNonceLog } from './nonceStore';

describe('nonce column format', () => {
  it('reads what WooCommerce writes', () => {
    expect(readNonceLog('a:2:{i:1700000000;s:32:"abcdefghijklmnopqrstuvwxyz012345";i:1700000005;s:1:"b";}')).toEqual([
      [1700000000, 'abcdefghijklmnopqrstuvwxyz012345'],
      [1700000005, 'b'],
    ]);
  });

  it('treats NULL, empty and non-array values as an empty log', () => {
    expect(readNonceLog(null)).toEqual([]);
    expect(readNonceLog('')).toEqual([]);
    expect(readNonceLog('a:0:{}')).toEqual([]);
    expect(readNonceLog('garbage')).toEqual([]);
  });

  it('writes a PHP array with integer keys', () => {
    expect(writeNonceLog([[1700000000, 'abcdefghijklmnopqrstuvwxyz012345']])).toBe(
      'a:1:{i:1700000000;s:32:"abcdefghijklmnopqrstuvwxyz012345";}',
    );
    expect(writeNonceLog([])).toBe('a:0:{}');
  });
});
