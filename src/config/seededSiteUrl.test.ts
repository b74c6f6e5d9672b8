import { seededSiteUrl } from './seededSiteUrl';

describe('the site URL a new database is seeded with', () => {
  const at = (host: string, port: number, homeUrl: string | null = null) => seededSiteUrl({ host, port, homeUrl });

  it('is where serve listens, a wildcard address as the loopback name', () => {
    expect(at('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(at('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(at('::', 3000)).toBe('http://localhost:3000');
    expect(at('0:0:0:0:0:0:0:0', 3000)).toBe('http://localhost:3000');
    expect(at('::1', 3000)).toBe('http://[::1]:3000');
    expect(at('shop.internal', 8443)).toBe('http://shop.internal:8443');
  });

  it('leaves out port 80, and the port of PORT=0 (unknown until listening)', () => {
    expect(at('shop.internal', 80)).toBe('http://shop.internal');
    expect(at('127.0.0.1', 0)).toBe('http://127.0.0.1');
  });

  it('is WC_HOST_HOME_URL when set', () => {
    expect(at('0.0.0.0', 3000, 'https://shop.example.com/store')).toBe('https://shop.example.com/store');
  });
});
