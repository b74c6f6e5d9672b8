import { isSerialized, maybeSerialize, maybeUnserialize, phpSerialize, phpUnserialize } from './phpSerialize';

describe('phpSerialize / phpUnserialize', () => {
  it('writes a role map the way WordPress stores wp_capabilities', () => {
    expect(phpSerialize({ customer: true })).toBe('a:1:{s:8:"customer";b:1;}');
    expect(phpSerialize({ customer: true, subscriber: true })).toBe('a:2:{s:8:"customer";b:1;s:10:"subscriber";b:1;}');
    expect(phpUnserialize('a:1:{s:8:"customer";b:1;}')).toEqual({ customer: true });
  });

  it('writes numeric-string keys as PHP integer keys, e.g. the OAuth nonces of an API key', () => {
    const nonce = 'abcdefghijklmnopqrstuvwxyz012345';
    const text = `a:1:{i:1700000000;s:32:"${nonce}";}`;
    expect(phpSerialize({ 1700000000: nonce })).toBe(text);
    expect(phpUnserialize(text)).toEqual({ 1700000000: nonce });
    expect(phpSerialize({ '-5': 'a', '007': 'b', '1.5': 'c' })).toBe(
      'a:3:{i:-5;s:1:"a";s:3:"007";s:1:"b";s:3:"1.5";s:1:"c";}',
    );
  });

  it('counts string lengths in UTF-8 bytes', () => {
    expect(phpSerialize('pässwörd€')).toBe('s:13:"pässwörd€";');
    expect(phpSerialize({ name: 'Jöhn' })).toBe('a:1:{s:4:"name";s:5:"Jöhn";}');
    expect(phpUnserialize('a:1:{s:4:"name";s:5:"Jöhn";}')).toEqual({ name: 'Jöhn' });
  });

  it('maps lists to arrays and other PHP arrays to objects', () => {
    expect(phpSerialize(['a', 'b'])).toBe('a:2:{i:0;s:1:"a";i:1;s:1:"b";}');
    expect(phpUnserialize('a:2:{i:0;s:1:"a";i:1;s:1:"b";}')).toEqual(['a', 'b']);
    expect(phpUnserialize('a:2:{i:1;s:1:"a";i:2;s:1:"b";}')).toEqual({ 1: 'a', 2: 'b' });
    expect(phpSerialize({ nested: { list: [1, 2.5, null, false] } })).toBe(
      'a:1:{s:6:"nested";a:1:{s:4:"list";a:4:{i:0;i:1;i:1;d:2.5;i:2;N;i:3;b:0;}}}',
    );
  });

  it('rejects values PHP could not have serialized, and malformed text', () => {
    expect(() => phpSerialize(undefined)).toThrow(TypeError);
    expect(() => phpSerialize(new Date())).toThrow(TypeError);
    expect(() => phpUnserialize('a:1:{s:3:"ab";b:1;}')).toThrow();
  });
});

describe('isSerialized (WordPress is_serialized)', () => {
  it.each([
    ['N;', true],
    ['b:0;', true],
    ['i:42;', true],
    ['d:0.5;', true],
    ['s:3:"abc";', true],
    ['a:0:{}', true],
    ['  a:1:{i:0;b:1;}\n', true],
    ['O:8:"stdClass":0:{}', true],
    ['abc', false],
    ['s:3:"abc"', false],
    ['i:42', false],
    ['x:1:{}', false],
    ['\u00a0a:0:{}', false],
  ])('%j → %s', (text, expected) => {
    expect(isSerialized(text)).toBe(expected);
  });

  it('is looser when not strict, as maybe_serialize() uses it', () => {
    expect(isSerialized('s:3:"abc"; trailing', false)).toBe(true);
    expect(isSerialized('s:3:"abc"; trailing')).toBe(false);
    expect(isSerialized(42)).toBe(false);
  });
});

describe('maybeSerialize / maybeUnserialize', () => {
  it('stores scalars as WordPress does', () => {
    expect(maybeSerialize('plain')).toBe('plain');
    expect(maybeSerialize(true)).toBe('1');
    expect(maybeSerialize(false)).toBe('');
    expect(maybeSerialize(null)).toBe('');
    expect(maybeSerialize(0)).toBe('0');
    expect(maybeSerialize(1.5)).toBe('1.5');
  });

  it('serializes arrays and objects', () => {
    expect(maybeSerialize({ customer: true })).toBe('a:1:{s:8:"customer";b:1;}');
    expect(maybeSerialize([])).toBe('a:0:{}');
  });

  it('serializes a string that already looks serialized again, so it reads back as that string', () => {
    const stored = maybeSerialize('a:1:{s:8:"customer";b:1;}');
    expect(stored).toBe('s:25:"a:1:{s:8:"customer";b:1;}";');
    expect(maybeUnserialize(stored)).toBe('a:1:{s:8:"customer";b:1;}');
  });

  it('unserializes only serialized text and returns malformed text unchanged', () => {
    expect(maybeUnserialize('a:1:{s:8:"customer";b:1;}')).toEqual({ customer: true });
    expect(maybeUnserialize('hello')).toBe('hello');
    expect(maybeUnserialize('1')).toBe('1');
    expect(maybeUnserialize('a:1:{s:3:"ab";b:1;}')).toBe('a:1:{s:3:"ab";b:1;}');
  });
});
