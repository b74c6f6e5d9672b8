import { avatarUrl } from './avatarUrl';

const VECTOR_HASH = '855f96e983f1f8e8be944692b6f719fd54329826cb62e98015efee8e2e071dd4';

describe('avatarUrl', () => {
  it('hashes the trimmed, lower-cased email with SHA-256 (docs/wordpress-storage-and-auth.md#avatar-url)', () => {
    expect(avatarUrl(' John@Example.com ')).toBe(`https://secure.gravatar.com/avatar/${VECTOR_HASH}?s=96&d=mm&r=g`);
  });

  it('maps the default avatar option', () => {
    expect(avatarUrl('a@b.co', { avatarDefault: 'mm' })).toContain('&d=mm&');
    expect(avatarUrl('a@b.co', { avatarDefault: 'mysteryman' })).toContain('&d=mm&');
    expect(avatarUrl('a@b.co', { avatarDefault: 'identicon' })).toContain('&d=identicon&');
    expect(avatarUrl('a@b.co', { avatarDefault: 'gravatar_default' })).toMatch(/\?s=96&r=g$/);
    expect(avatarUrl('a@b.co', { avatarDefault: 'https://x.test/a b.png' })).toContain(
      '&d=https%3A%2F%2Fx.test%2Fa%20b.png&',
    );
  });

  it('lower-cases the rating, drops empty values and honours the size', () => {
    expect(avatarUrl('a@b.co', { avatarRating: 'PG', size: 48 })).toMatch(/\?s=48&d=mm&r=pg$/);
    expect(avatarUrl('a@b.co', { avatarRating: '' })).toMatch(/\?s=96&d=mm$/);
    expect(avatarUrl('a@b.co', { size: 0 })).toMatch(/\?s=96&/);
  });

  it('only lower-cases ASCII before hashing, like PHP strtolower', () => {
    expect(avatarUrl('ÉMILE@x.io')).not.toBe(avatarUrl('émile@x.io'));
    expect(avatarUrl('EMILE@X.IO')).toBe(avatarUrl('emile@x.io'));
  });

  it('gives each call the query of its own options, however calls alternate (the query part is reused)', () => {
    const options = [
      {},
      { avatarRating: 'PG' },
      { avatarDefault: 'identicon' },
      { size: 48 },
      { avatarDefault: 'identicon', avatarRating: 'PG', size: 48 },
    ];
    const alone = options.map((option) => avatarUrl('a@b.co', option).split('?')[1]);
    expect(new Set(alone).size).toBe(options.length);
    for (let round = 0; round < 3; round++) {
      for (const index of [4, 0, 3, 1, 2, 0, 4, 4, 1]) {
        expect(avatarUrl('a@b.co', options[index]).split('?')[1]).toBe(alone[index]);
      }
    }
  });

  it('leaves the hash out for an empty email', () => {
    expect(avatarUrl('')).toBe('https://secure.gravatar.com/avatar/?s=96&d=mm&r=g');
  });
});
