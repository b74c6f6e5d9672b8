import { createBasicCredentialsReader, readPlainKeyCredentials } from './plainKeyCredentials';

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('plain consumer key credentials', () => {
  const readBasic = createBasicCredentialsReader();

  it('reads HTTP Basic through passport-http', async () => {
    await expect(readBasic(basic('ck_a', 'cs_b'))).resolves.toEqual({ consumerKey: 'ck_a', consumerSecret: 'cs_b' });
  });

  it('reads nothing from a missing, non-Basic or half-empty header', async () => {
    await expect(readBasic(undefined)).resolves.toBeNull();
    await expect(readBasic('Bearer abc')).resolves.toBeNull();
    await expect(readBasic(basic('ck_a', ''))).resolves.toBeNull();
    await expect(readBasic('Basic')).resolves.toBeNull();
  });

  it('prefers consumer_key/consumer_secret in the query when both are given', async () => {
    await expect(
      readPlainKeyCredentials({ consumer_key: 'ck_q', consumer_secret: 'cs_q' }, basic('ck_b', 'cs_b'), readBasic),
    ).resolves.toEqual({
      consumerKey: 'ck_q',
      consumerSecret: 'cs_q',
    });
  });

  it('falls back to Basic when the query has only one of them', async () => {
    await expect(readPlainKeyCredentials({ consumer_key: 'ck_q' }, basic('ck_b', 'cs_b'), readBasic)).resolves.toEqual({
      consumerKey: 'ck_b',
      consumerSecret: 'cs_b',
    });
  });

  it('treats "0" as empty, as PHP does', async () => {
    await expect(readPlainKeyCredentials({}, basic('0', 'cs_b'), readBasic)).resolves.toBeNull();
    await expect(
      readPlainKeyCredentials({ consumer_key: 'ck_q', consumer_secret: '0' }, undefined, readBasic),
    ).resolves.toBeNull();
  });
});
