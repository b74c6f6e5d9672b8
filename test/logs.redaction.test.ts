import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { Plugin } from '../src/host/types';
import type { RestRequest } from '../src/rest/RestRequest';
import { captureLog } from './helpers/capturedLog';
import { createTestHost, type TestHost } from './helpers/testHost';

/**
 * No secret reaches the log, even at debug and even when a plugin logs whole requests: every line is captured while
 * requests carry Basic credentials, keys and secrets in the query string, OAuth 1.0a signatures (query and header),
 * wrong secrets, a customer's password in the body, and a request that fails inside the server.
 */

const HOST = 'shop.test';

/** A plugin that logs every request as it is (headers, query, body) at debug, as a careless plugin would. */
const carelessPlugin: Plugin = {
  name: 'test/careless-logging',
  register({ hooks, logger, rest }) {
    hooks.addFilter(
      'rest_pre_dispatch',
      'test/careless-logging',
      (result: unknown, _server: unknown, request: RestRequest) => {
        logger.debug('request seen by a plugin', {
          headers: request.headers,
          query: request.query,
          body: request.body,
          params: request.params,
        });
        return result;
      },
    );
    // An answer JSON cannot encode: the server fails after the handler, on the path that logs the request's URL.
    rest.registerRoute('test/v1', '/unencodable', {
      methods: 'GET',
      permissionCallback: () => true,
      callback: () => ({ n: 10n }),
    });
  },
};

describe('secrets in requests, with every log line captured at debug', () => {
  let t: TestHost;
  const log = captureLog('debug');

  beforeAll(async () => {
    t = await createTestHost({ logger: log.logger, plugins: [carelessPlugin] });
  });
  afterAll(() => t.close());

  it('appear in no log line', async () => {
    const key = t.adminKey;
    const wrongSecret = `cs_wrong_${randomBytes(12).toString('hex')}`;
    const password = `Pw-${randomBytes(12).toString('hex')}`;
    const basic = (secret: string) => `Basic ${Buffer.from(`${key.consumerKey}:${secret}`).toString('base64')}`;
    const oauth = new OAuth({
      consumer: { key: key.consumerKey, secret: key.consumerSecret },
      signature_method: 'HMAC-SHA256',
      hash_function: (base, signingKey) => createHmac('sha256', signingKey).update(base).digest('base64'),
    });
    const url = `http://${HOST}/wp-json/wc/v3/customers`;
    const signedQuery = oauth.authorize({ url, method: 'GET' });
    const signedHeader = oauth.toHeader(oauth.authorize({ url, method: 'GET' })).Authorization;

    const statuses = [
      (await t.http.get('/wp-json/wc/v3/customers').set('Authorization', basic(key.consumerSecret))).status,
      (await t.http.get('/wp-json/wc/v3/customers').set('Authorization', basic(wrongSecret))).status,
      (
        await t.http
          .get('/wp-json/wc/v3/customers')
          .query({ consumer_key: key.consumerKey, consumer_secret: key.consumerSecret })
      ).status,
      (
        await t.http
          .get('/wp-json/wc/v3/customers')
          .query({ consumer_key: key.consumerKey, consumer_secret: wrongSecret })
      ).status,
      (
        await t.http
          .get('/wp-json/wc/v3/customers')
          .set('Host', HOST)
          .query({ ...signedQuery })
      ).status,
      (await t.http.get('/wp-json/wc/v3/customers').set('Host', HOST).set('Authorization', signedHeader)).status,
      (
        await t.http
          .post('/wp-json/wc/v3/customers')
          .set('Authorization', basic(key.consumerSecret))
          .send({ email: 'redaction@example.com', username: 'redaction', password })
      ).status,
      (
        await t.http
          .get('/wp-json/test/v1/unencodable')
          .query({ consumer_key: key.consumerKey, consumer_secret: key.consumerSecret })
      ).status,
    ];
    expect(statuses).toEqual([200, 401, 200, 401, 200, 200, 201, 500]);
    const deadline = Date.now() + 5_000;
    while (log.withMessage('request').length < statuses.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));

    // What was logged: the access lines, the failures, the plugin's dumps, and the server's own error.
    expect(log.withMessage('request')).toHaveLength(statuses.length);
    expect(log.withMessage('authentication failed')).toHaveLength(2);
    expect(log.withMessage('request seen by a plugin').length).toBeGreaterThanOrEqual(6);
    expect(log.withMessage('Could not answer a REST request')).toEqual([
      expect.objectContaining({ path: '/wp-json/test/v1/unencodable' }),
    ]);
    expect(log.lines.join('\n')).toContain('[Redacted]');

    const secrets = [
      key.consumerKey,
      key.consumerSecret,
      wrongSecret,
      password,
      basic(key.consumerSecret).slice('Basic '.length),
      basic(wrongSecret).slice('Basic '.length),
      signedQuery.oauth_signature,
      signedHeader,
      /oauth_signature="([^"]+)"/.exec(signedHeader)?.[1] ?? 'missing signature',
    ];
    const text = log.lines.join('\n');
    for (const secret of secrets) {
      for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
        expect(text).not.toContain(form);
    }
  });
});
