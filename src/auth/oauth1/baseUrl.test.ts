import { oauthBaseUrl } from './baseUrl';

describe('OAuth base URL', () => {
  const source = { restRoot: 'http://127.0.0.1:8080/wp-json', path: '/wc/v3/customers', secure: false };

  it('uses the request protocol, Host and path without a home URL', () => {
    expect(oauthBaseUrl(source, null)).toBe('http://127.0.0.1:8080/wp-json/wc/v3/customers');
  });

  it('takes the scheme from the connection, as is_ssl() does', () => {
    expect(oauthBaseUrl({ ...source, secure: true }, null)).toBe('https://127.0.0.1:8080/wp-json/wc/v3/customers');
    expect(oauthBaseUrl(source, 'https://shop.example.com')).toBe('http://shop.example.com/wp-json/wc/v3/customers');
  });

  it('puts the path after the home path on the home URL', () => {
    const mounted = { restRoot: 'http://10.0.0.5:8080/store/wp-json', path: '/wc/v3/customers/5', secure: true };
    expect(oauthBaseUrl(mounted, 'https://shop.example.com/store')).toBe(
      'https://shop.example.com/store/wp-json/wc/v3/customers/5',
    );
  });

  it('appends the whole path when the request is not under the home path', () => {
    expect(oauthBaseUrl(source, 'http://shop.example.com/store/')).toBe(
      'http://shop.example.com/store/wp-json/wc/v3/customers',
    );
  });
});
