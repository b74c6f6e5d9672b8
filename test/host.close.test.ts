import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openConnection } from './helpers/rawHttp';
import { createTestHost, type TestHost } from './helpers/testHost';
import { openDb } from './helpers/testDatabase';
import { as, V2 } from './helpers/customers';
import type { Plugin } from '../src/host/types';

/** host.close() for embedders: what is in flight finishes, what comes after gets 503, then the database closes. */

jest.setTimeout(60_000);

let t: TestHost;
let firstCreated: () => void = () => undefined;

// Tells the test when the batch has written its first customer, i.e. it is running.
const observer: Plugin = {
  name: 'test/observer',
  register({ hooks, rest }) {
    hooks.addAction('woocommerce_created_customer', 'test/observer', () => firstCreated());
    rest.registerRoute('test/v1', '/forever', {
      methods: 'GET',
      permissionCallback: () => true,
      args: {},
      callback: () => new Promise(() => undefined),
    });
  },
};

beforeEach(async () => {
  t = await createTestHost({ plugins: [observer] });
});

afterEach(async () => {
  await t.close();
});

async function countUsers(url: string): Promise<number> {
  const db = await openDb(url);
  try {
    const rows = await db.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM wp_users`);
    return Number(rows[0].n);
  } finally {
    await db.close();
  }
}

describe('host.close()', () => {
  it('lets a running 60-item batch finish, refuses a request that comes after with 503, then closes the database', async () => {
    const running = new Promise<void>((resolve) => {
      firstCreated = resolve;
    });
    const create = Array.from({ length: 60 }, (_, i) => ({ email: `drain${i}@example.com`, username: `drain${i}` }));
    const batch = as(t.http.post(`${V2}/customers/batch`), t.adminKey)
      .send({ create })
      .then((response) => response);
    await running;

    // Bounded well past what 60 creates take on a loaded machine.
    const closed = t.host.close({ timeoutMs: 45_000 });
    const refused = await t.http.get('/wp-json/');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      code: 'wc_host_shutting_down',
      message: 'The server is shutting down. Please retry the request.',
      data: { status: 503 },
    });
    expect(refused.headers['retry-after']).toBe('5');

    const response = await batch;
    expect(response.status).toBe(200);
    expect(response.body.create).toHaveLength(60);
    expect(response.body.create.filter((item: { id?: number; error?: unknown }) => item.error !== undefined)).toEqual(
      [],
    );
    await closed;
    expect(t.host.dataSource.isInitialized).toBe(false);
    expect(await countUsers(t.databaseUrl)).toBe(61);
  });

  it('waits at most its timeout for a request that never ends, then closes the database anyway', async () => {
    const server = http.createServer(t.host.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const connection = await openConnection((server.address() as AddressInfo).port);
      void connection.get('/wp-json/test/v1/forever').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await t.host.close({ timeoutMs: 300 });
      expect(t.host.dataSource.isInitialized).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('closes at once when nothing is in flight, and a second call shares the first one', async () => {
    const first = t.host.close({ timeoutMs: 60_000 });
    expect(t.host.close()).toBe(first);
    await first;
    expect(t.host.dataSource.isInitialized).toBe(false);
  });
});
