import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import supertest from 'supertest';
import { createRestTestApp } from './helpers/restApp';

/** A parent app with its own JSON parser and error handler, our router mounted at /store. */
function parentApp(routerOptions = {}) {
  const test = createRestTestApp();
  test.rest.registerRoute('acme/v1', '/echo', {
    methods: ['GET', 'POST'],
    permissionCallback: () => true,
    callback: (request) => ({
      root: request.restRoot,
      secure: request.secure,
      proxied: request.proxied,
      body: request.body,
      query: request.query,
    }),
  });
  const parentErrors: unknown[] = [];
  const parent = express();
  parent.use(express.json());
  parent.use('/store', test.rest.router({ trustProxy: false, homeUrl: null, ...routerOptions }));
  parent.get('/store/shop', (_req, res) => {
    res.send('parent page');
  });
  parent.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    parentErrors.push(error);
    res.status(418).send('parent error handler');
  });
  return { http: supertest(parent), parentErrors };
}

describe('the Express router', () => {
  it('serves REST under the mount path, with the REST root built from the request', async () => {
    const res = await parentApp().http.get('/store/wp-json/acme/v1/echo?a=1').set('Host', 'shop.test:8080');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      root: 'http://shop.test:8080/store/wp-json',
      secure: false,
      proxied: false,
      query: { a: '1' },
    });
    expect(res.headers.link).toBe('<http://shop.test:8080/store/wp-json/>; rel="https://api.w.org/"');
  });

  it('uses the configured home URL for the REST root', async () => {
    const res = await parentApp({ homeUrl: 'https://shop.example/' }).http.get('/store/wp-json/acme/v1/echo');
    expect(res.body.root).toBe('https://shop.example/wp-json');
  });

  it('passes everything else on to the parent app', async () => {
    const { http } = parentApp();
    expect((await http.get('/store/shop')).text).toBe('parent page');
    expect((await http.get('/store/wp-jsonx')).status).toBe(404);
    expect((await http.get('/store/?rest_route=')).status).toBe(404);
  });

  it('uses a body the parent already parsed, and reads form bodies itself', async () => {
    const { http } = parentApp();
    expect((await http.post('/store/wp-json/acme/v1/echo').send({ a: 'json' })).body.body).toEqual({ a: 'json' });
    expect((await http.post('/store/wp-json/acme/v1/echo').type('form').send('a[]=1&a[]=2')).body.body).toEqual({
      a: ['1', '2'],
    });
  });

  it('uses what other parent parsers left: urlencoded objects, raw bytes', async () => {
    for (const parser of [express.urlencoded({ extended: true }), express.raw({ type: '*/*' })]) {
      const test = createRestTestApp();
      test.rest.registerRoute('acme/v1', '/echo', {
        methods: 'POST',
        permissionCallback: () => true,
        callback: (request) => request.body,
      });
      const parent = express();
      parent.use(parser);
      parent.use(test.rest.router({ trustProxy: false, homeUrl: null }));
      const form = await supertest(parent).post('/wp-json/acme/v1/echo').type('form').send('a=1');
      expect(form.body).toEqual({ a: '1' });
      const json = await supertest(parent).post('/wp-json/acme/v1/echo').type('json').send('{"b":2}');
      expect(json.body).toEqual({ b: 2 });
    }
  });

  it('answers REST errors itself, never through the parent’s error handler', async () => {
    const { http, parentErrors } = parentApp();
    const res = await http.get('/store/wp-json/acme/v1/missing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('rest_no_route');
    expect(parentErrors).toEqual([]);
  });

  it('believes X-Forwarded-Proto only when trusting the proxy, and notes proxy headers either way', async () => {
    const untrusted = await parentApp().http.get('/store/wp-json/acme/v1/echo').set('X-Forwarded-Proto', 'https');
    expect(untrusted.body).toMatchObject({ secure: false, proxied: true });
    const trusted = await parentApp({ trustProxy: true })
      .http.get('/store/wp-json/acme/v1/echo')
      .set('Host', 'shop.test')
      .set('X-Forwarded-Proto', 'https');
    expect(trusted.body).toMatchObject({ secure: true, root: 'https://shop.test/store/wp-json' });
  });

  it('refuses a body larger than 8 MB with 413', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/upload', {
      methods: 'POST',
      permissionCallback: () => true,
      callback: () => 'stored',
    });
    const res = await test.http
      .post('/wp-json/acme/v1/upload')
      .type('form')
      .send(`a=${'x'.repeat(8 * 1024 * 1024)}`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('rest_request_too_large');
  });

  it('refuses a chunked body once it grows past 8 MB', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/upload', {
      methods: 'POST',
      permissionCallback: () => true,
      callback: () => 'stored',
    });
    const server = test.app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = request(
          { port, method: 'POST', path: '/wp-json/acme/v1/upload', headers: { 'Content-Type': 'text/plain' } },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        for (let i = 0; i < 9; i++) req.write(chunk);
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      server.close();
    }
  });

  it('gives up quietly when the client goes away mid-body', async () => {
    const test = createRestTestApp();
    const called = jest.fn();
    test.rest.registerRoute('acme/v1', '/upload', {
      methods: 'POST',
      permissionCallback: () => true,
      callback: called,
    });
    const server = test.app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /wp-json/acme/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial');
          setTimeout(() => {
            socket.destroy();
            setTimeout(resolve, 50);
          }, 20);
        });
      });
      expect(called).not.toHaveBeenCalled();
      expect(test.errors).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('reads chunked bodies', async () => {
    const test = createRestTestApp();
    test.rest.registerRoute('acme/v1', '/echo', {
      methods: 'POST',
      permissionCallback: () => true,
      callback: (request) => request.body,
    });
    const server = test.app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          { port, method: 'POST', path: '/wp-json/acme/v1/echo', headers: { 'Content-Type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.write('{"chunked":');
        req.end('true}');
      });
      expect(JSON.parse(body)).toEqual({ chunked: true });
    } finally {
      server.close();
    }
  });
});
