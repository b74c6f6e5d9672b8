import { isLoopbackAddress, mayUsePlainKeys, plainKeysRefusal } from './keyTransportPolicy';

describe('where a plain consumer key/secret is accepted', () => {
  const relaxed = { strictAuth: false };
  const strict = { strictAuth: true };

  it('always over HTTPS', () => {
    expect(mayUsePlainKeys({ secure: true, proxied: true, remoteAddress: '203.0.113.9' }, strict)).toBe(true);
  });

  it('over plain HTTP only from an unproxied loopback client', () => {
    expect(mayUsePlainKeys({ secure: false, proxied: false, remoteAddress: '127.0.0.1' }, relaxed)).toBe(true);
    expect(mayUsePlainKeys({ secure: false, proxied: false, remoteAddress: '::ffff:127.0.0.1' }, relaxed)).toBe(true);
    expect(mayUsePlainKeys({ secure: false, proxied: true, remoteAddress: '127.0.0.1' }, relaxed)).toBe(false);
    expect(mayUsePlainKeys({ secure: false, proxied: false, remoteAddress: '192.168.1.4' }, relaxed)).toBe(false);
  });

  it('not over plain HTTP at all with WC_HOST_STRICT_AUTH', () => {
    expect(mayUsePlainKeys({ secure: false, proxied: false, remoteAddress: '127.0.0.1' }, strict)).toBe(false);
  });

  it('says why, for the log', () => {
    expect(plainKeysRefusal({ secure: true, proxied: true, remoteAddress: '203.0.113.9' }, strict)).toBeNull();
    expect(plainKeysRefusal({ secure: false, proxied: true, remoteAddress: '127.0.0.1' }, relaxed)).toMatch(
      /through a proxy.*TRUST_PROXY=1/,
    );
    expect(plainKeysRefusal({ secure: false, proxied: false, remoteAddress: '192.168.1.4' }, relaxed)).toMatch(
      /from another machine: use HTTPS/,
    );
    expect(plainKeysRefusal({ secure: false, proxied: false, remoteAddress: '127.0.0.1' }, strict)).toMatch(
      /WC_HOST_STRICT_AUTH is on/,
    );
  });

  it('recognises loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.2'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::2', '1::1', '::ffff:10.0.0.1', '', 'localhost', '128.0.0.1'].map(isLoopbackAddress)).toEqual(
      [false, false, false, false, false, false, false],
    );
  });
});
