import { parseOAuthAuthorizationHeader } from './authorizationHeader';

describe('Authorization: OAuth header parsing', () => {
  it('reads quoted and bare oauth_* values, urldecoded, and ignores realm', () => {
    const header =
      '  OAuth realm="Example", oauth_consumer_key="ck_abc", oauth_signature="a%2Bb%3D", oauth_nonce=n+1,oauth_timestamp="1700000000"';
    expect(parseOAuthAuthorizationHeader(header)).toEqual({
      oauth_consumer_key: 'ck_abc',
      oauth_signature: 'a+b=',
      oauth_nonce: 'n 1',
      oauth_timestamp: '1700000000',
    });
  });

  it('returns nothing for other schemes or a differently cased prefix', () => {
    expect(parseOAuthAuthorizationHeader('Basic Y2s6Y3M=')).toEqual({});
    expect(parseOAuthAuthorizationHeader('oauth oauth_nonce="x"')).toEqual({});
    expect(parseOAuthAuthorizationHeader(undefined)).toEqual({});
  });

  it('treats a quoted "0" like PHP empty() does', () => {
    expect(parseOAuthAuthorizationHeader('OAuth oauth_nonce="0"')).toEqual({ oauth_nonce: '' });
  });
});
