import { compare, hash } from 'bcrypt';
import { createHash } from 'node:crypto';
import { checkPassword, hashPassword, passwordNeedsRehash } from './password';

const WP_VECTOR = '$wp$2y$10$6wi2oaBGP0GxCum8QeiOjeUYiNrZs0noI5AertuhlCWkmSmBwrg.K';

describe('hashPassword', () => {
  it('writes the WordPress 6.8 form with a $2y$ cost-10 bcrypt', async () => {
    const stored = await hashPassword('password123');
    expect(stored).toMatch(/^\$wp\$2y\$10\$[./A-Za-z0-9]{53}$/);
    expect(await checkPassword('password123', stored)).toBe(true);
  });

  it('bcrypts the base64 HMAC-SHA384 pre-hash of the trimmed password', async () => {
    const stored = await hashPassword(' \tpassword123\n');
    const preHash = 'nAZJIsCroV44tW3Nz/ch1LdL7GRV8c6mFp9imGCDnLq6+9z8B3w31sZDgQOje9Wb';
    expect(await compare(preHash, stored.slice(3).replace('$2y$', '$2b$'))).toBe(true);
    expect(await checkPassword('password123', stored)).toBe(true);
    expect(await checkPassword(' \tpassword123\n', stored)).toBe(false);
  });

  it('honours a cost and refuses passwords over 4096 bytes', async () => {
    expect(await hashPassword('x', 4)).toMatch(/^\$wp\$2y\$04\$/);
    expect(await hashPassword('é'.repeat(2049))).toBe('*');
  });
});

describe('checkPassword', () => {
  it('verifies the WordPress 6.8 vector, without trimming', async () => {
    expect(await checkPassword('password123', WP_VECTOR)).toBe(true);
    expect(await checkPassword('password124', WP_VECTOR)).toBe(false);
    expect(await checkPassword(' password123', WP_VECTOR)).toBe(false);
  });

  it('verifies phpass portable hashes, non-ASCII included', async () => {
    expect(await checkPassword('password123', '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0')).toBe(true);
    expect(await checkPassword('pässwörd€', '$P$Babcdefgh816.Y9aGyXsARkpzVdfOi1')).toBe(true);
    expect(await checkPassword('passwörd€', '$P$Babcdefgh816.Y9aGyXsARkpzVdfOi1')).toBe(false);
    expect(await checkPassword('password123', '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0x')).toBe(false);
  });

  it('compares short hashes as MD5 hex, case-sensitively', async () => {
    expect(await checkPassword('password123', '482c811da5d5b4bc6d497ffa98491e38')).toBe(true);
    expect(await checkPassword('password123', '482C811DA5D5B4BC6D497FFA98491E38')).toBe(false);
    expect(await checkPassword('password123', '')).toBe(false);
  });

  it('uses the MD5 path before the length limit', async () => {
    const long = 'a'.repeat(5000);
    const md5 = createHash('md5').update(long).digest('hex');
    expect(await checkPassword(long, md5)).toBe(true);
    expect(await checkPassword(long, WP_VECTOR)).toBe(false);
  });

  it('verifies plain bcrypt hashes in any ident', async () => {
    const native = await hash('secret', 4);
    expect(await checkPassword('secret', native)).toBe(true);
    expect(await checkPassword('secret', native.replace('$2b$', '$2y$'))).toBe(true);
    expect(await checkPassword('secret', native.replace('$2b$', '$2a$'))).toBe(true);
    expect(await checkPassword('other', native)).toBe(false);
  });

  it('rejects unknown formats and malformed bcrypt', async () => {
    expect(await checkPassword('x', '$H$9abcdefghijklmnopqrstuvwxyz0123')).toBe(false);
    expect(await checkPassword('x', '$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$abc')).toBe(false);
    expect(await checkPassword('x', '$2y$10$tooShortToBeABcryptHashButLongEnough')).toBe(false);
    expect(await checkPassword('x', '$wp$2x$10$6wi2oaBGP0GxCum8QeiOjeUYiNrZs0noI5AertuhlCWkmSmBwrg.K')).toBe(false);
  });
});

describe('passwordNeedsRehash', () => {
  it('wants every non-$wp hash rehashed', () => {
    expect(passwordNeedsRehash('$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0')).toBe(true);
    expect(passwordNeedsRehash('482c811da5d5b4bc6d497ffa98491e38')).toBe(true);
    expect(passwordNeedsRehash('$2y$10$6wi2oaBGP0GxCum8QeiOjeUYiNrZs0noI5AertuhlCWkmSmBwrg.K')).toBe(true);
  });

  it('keeps a $wp$2y$ hash of the current cost', () => {
    expect(passwordNeedsRehash(WP_VECTOR)).toBe(false);
    expect(passwordNeedsRehash(WP_VECTOR, 12)).toBe(true);
    expect(passwordNeedsRehash(WP_VECTOR.replace('$2y$', '$2b$'))).toBe(true);
    expect(passwordNeedsRehash(`${WP_VECTOR}x`)).toBe(true);
  });
});
