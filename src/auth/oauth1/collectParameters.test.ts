import { collectOAuthParameters } from './collectParameters';

const FULL = {
  oauth_consumer_key: 'ck_x',
  oauth_timestamp: '1700000000',
  oauth_nonce: 'n',
  oauth_signature: 's',
  oauth_signature_method: 'HMAC-SHA256',
};

describe('OAuth parameter collection', () => {
  it('is absent when no required parameter is there', () => {
    expect(collectOAuthParameters({ page: '2' }, {}, undefined)).toEqual({ kind: 'absent' });
  });

  it('lists the missing ones in WooCommerce order, counting "" and "0" as missing', () => {
    expect(
      collectOAuthParameters({ oauth_consumer_key: 'ck_x', oauth_nonce: '0', oauth_timestamp: '' }, {}, undefined),
    ).toEqual({
      kind: 'incomplete',
      missing: ['oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method'],
    });
  });

  it('merges query, then form body, then the Authorization header', () => {
    const result = collectOAuthParameters(
      { ...FULL, page: '1', oauth_nonce: 'from-query' },
      { page: '2', oauth_nonce: 'from-form' },
      'OAuth oauth_nonce="from-header"',
    );
    expect(result).toEqual({ kind: 'complete', params: { ...FULL, page: '2', oauth_nonce: 'from-header' } });
  });
});
