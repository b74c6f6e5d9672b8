import { generateApiKey, hashConsumerKey } from './apiKeys';

describe('API key hashing and generation', () => {
  it('hashes a consumer key as WooCommerce does (the vector in docs/wordpress-storage-and-auth.md)', () => {
    expect(hashConsumerKey('ck_1234567890abcdef1234567890abcdef12345678')).toBe(
      '59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3',
    );
  });

  it('generates ck_/cs_ followed by 40 hex digits, different every time', () => {
    const first = generateApiKey();
    const second = generateApiKey();
    expect(first.consumerKey).toMatch(/^ck_[0-9a-f]{40}$/);
    expect(first.consumerSecret).toMatch(/^cs_[0-9a-f]{40}$/);
    expect(second.consumerKey).not.toBe(first.consumerKey);
    expect(second.consumerSecret).not.toBe(first.consumerSecret);
  });
});
