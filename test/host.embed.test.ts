import express, { type NextFunction, type Request, type Response } from 'express';
import supertest from 'supertest';
import { createTestHost, type TestHost } from './helpers/testHost';

let test: TestHost;

beforeAll(async () => {
  test = await createTestHost();
});

afterAll(async () => {
  await test.close();
});

/** A larger app with its own routes, body parser and error handler, with wc-host mounted under /store. */
function parentApp() {
  const parent = express();
  parent.use('/store', test.host.app);
  parent.use(express.json());
  parent.post('/echo', (req, res) => {
    res.json({ parentSaw: req.body });
  });
  parent.get('/boom', () => {
    throw new Error('parent failure');
  });
  parent.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(418).json({ handledBy: 'parent', message: error.message });
  });
  return parent;
}

describe('embedding in an Express app', () => {
  it('serves the REST API under the mount path with links that include it', async () => {
    const response = await supertest(parentApp())
      .get('/store/wp-json/wc/v2/customers/1')
      .auth(test.adminKey.consumerKey, test.adminKey.consumerSecret)
      .expect(200);
    expect(response.body.username).toBe('admin');
    expect(response.body._links.self[0].href).toMatch(/\/store\/wp-json\/wc\/v2\/customers\/1$/);
  });

  it('leaves the parent body parser and error handler in charge of the parent routes', async () => {
    const app = parentApp();
    await supertest(app)
      .post('/echo')
      .send({ a: 1 })
      .expect(200, { parentSaw: { a: 1 } });
    await supertest(app).get('/boom').expect(418, { handledBy: 'parent', message: 'parent failure' });
  });

  it('answers REST errors itself, never through the parent error handler', async () => {
    const app = parentApp();
    const missing = await supertest(app).get('/store/wp-json/nothing/here').expect(404);
    expect(missing.body.code).toBe('rest_no_route');
    const invalid = await supertest(app)
      .post('/store/wp-json/wc/v2/customers')
      .auth(test.adminKey.consumerKey, test.adminKey.consumerSecret)
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(invalid.body.code).toBe('rest_invalid_json');
  });

  it('answers health and readiness probes', async () => {
    await supertest(test.host.app).get('/healthz').expect(200, { status: 'ok' });
    await supertest(test.host.app).get('/readyz').expect(200, { status: 'ready' });
  });
});
