import OAuth from 'oauth-1.0a';
import { createHmac } from 'node:crypto';
import { buildSignatureBaseString } from './signatureBaseString';
import { computeSignature, isSignatureMethod } from './signature';
import type { OAuthParamMap } from './params';

// The official client library and WooCommerce agree on this vector
// (docs/wordpress-storage-and-auth.md#api-keys-and-authentication).
const VECTOR_PARAMS: OAuthParamMap = {
  page: '2',
  per_page: '10',
  role: 'all',
  search: 'jo hn',
  oauth_consumer_key: 'ck_1234567890abcdef1234567890abcdef12345678',
  oauth_nonce: 'abcdefghijklmnopqrstuvwxyz012345',
  oauth_signature_method: 'HMAC-SHA256',
  oauth_timestamp: '1700000000',
  oauth_version: '1.0',
};
const VECTOR_BASE_STRING =
  'GET&http%3A%2F%2Fshop.example.com%2Fwp-json%2Fwc%2Fv3%2Fcustomers&oauth_consumer_key%3Dck_1234567890abcdef1234567890abcdef12345678%26oauth_nonce%3Dabcdefghijklmnopqrstuvwxyz012345%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_version%3D1.0%26page%3D2%26per_page%3D10%26role%3Dall%26search%3Djo%2520hn';
const VECTOR_SECRET = 'cs_abcdef1234567890abcdef1234567890abcdef12';

describe('OAuth 1.0a signature base string', () => {
  it('matches the vector', () => {
    expect(buildSignatureBaseString('get', 'http://shop.example.com/wp-json/wc/v3/customers', VECTOR_PARAMS)).toBe(
      VECTOR_BASE_STRING,
    );
  });

  it('signs the vector with HMAC-SHA256', () => {
    expect(computeSignature(VECTOR_BASE_STRING, VECTOR_SECRET, 'HMAC-SHA256')).toBe(
      'P4ikAgN5GQ3DzKQxueY8nbPbr/YfKr01BK0vBs+fOZU=',
    );
  });

  it('signs with HMAC-SHA1 using the secret plus "&" as key', () => {
    const expected = createHmac('sha1', `${VECTOR_SECRET}&`).update(VECTOR_BASE_STRING).digest('base64');
    expect(computeSignature(VECTOR_BASE_STRING, VECTOR_SECRET, 'HMAC-SHA1')).toBe(expected);
  });

  it('encodes nested values as parent%5Bchild%5D, the same as a flat bracketed name', () => {
    // WooCommerce encodes a child key only once (normalize_parameters encodes top-level keys and values only).
    const nested = buildSignatureBaseString('GET', 'http://x/y', { filter: { period: 'week', 'a b': 'c d' } });
    const flat = buildSignatureBaseString('GET', 'http://x/y', { 'filter[period]': 'week' });
    expect(nested).toBe('GET&http%3A%2F%2Fx%2Fy&filter%255Bperiod%255D%3Dweek%26filter%255Ba%20b%255D%3Dc%2520d');
    expect(flat).toBe('GET&http%3A%2F%2Fx%2Fy&filter%255Bperiod%255D%3Dweek');
  });

  it('sorts names byte-wise like PHP strcmp (upper case before lower case, UTF-8 order)', () => {
    const base = buildSignatureBaseString('GET', 'http://x/', {
      b: '1',
      a: '2',
      Z: '3',
      é: '4',
      '\u{1F600}': '5',
      ｚ: '6',
    });
    const names = base
      .split('&')[2]
      .split('%26')
      .map((pair) => decodeURIComponent(decodeURIComponent(pair)).split('=')[0]);
    expect(names).toEqual(['Z', 'a', 'b', 'é', 'ｚ', '\u{1F600}']);
  });

  it('agrees with the oauth-1.0a library the official client uses, including RFC 3986 reserved characters', () => {
    const oauth = new OAuth({
      consumer: { key: 'ck_test', secret: 'cs_test' },
      signature_method: 'HMAC-SHA256',
      hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
    });
    const url = "http://127.0.0.1:8080/wp-json/wc/v3/customers?search=a%20b%2Bc&x=!'()*~&filter[period]=week";
    const signed = oauth.authorize({ url, method: 'PUT' });
    const params: OAuthParamMap = {
      search: 'a b+c',
      x: "!'()*~",
      'filter[period]': 'week',
      oauth_consumer_key: signed.oauth_consumer_key,
      oauth_nonce: signed.oauth_nonce,
      oauth_signature_method: signed.oauth_signature_method,
      oauth_timestamp: String(signed.oauth_timestamp),
      oauth_version: signed.oauth_version,
    };
    const base = buildSignatureBaseString('PUT', 'http://127.0.0.1:8080/wp-json/wc/v3/customers', params);
    expect(computeSignature(base, 'cs_test', 'HMAC-SHA256')).toBe(signed.oauth_signature);
  });

  it('knows the two signature methods WooCommerce accepts', () => {
    expect(isSignatureMethod('HMAC-SHA1')).toBe(true);
    expect(isSignatureMethod('HMAC-SHA256')).toBe(true);
    expect(isSignatureMethod('PLAINTEXT')).toBe(false);
    expect(isSignatureMethod('hmac-sha256')).toBe(false);
  });
});
