import supertest from 'supertest';
import { createConnection } from 'mysql2/promise';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import type { Host } from '../src/host/types';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

// DATABASE_URL's ?socketPath= reaches the server through its Unix socket, as the README's "Pointing it at MySQL / MariaDB"
// suggests when MySQL/MariaDB is on the same machine. The socket is the one the test server reports (SELECT @@socket);
// the test user exists for 'localhost' as for '127.0.0.1' (.ci/run).
let database: TestDatabase;
let socketUrl: string;
let host: Host;

beforeAll(async () => {
  database = await createTestDatabase();
  const connection = await createConnection({ uri: database.url });
  const [[{ socket }]] = (await connection.query('SELECT @@socket AS socket')) as unknown as [[{ socket: string }]];
  await connection.end();
  const url = new URL(database.url);
  url.hostname = 'localhost';
  url.searchParams.set('socketPath', socket);
  socketUrl = url.toString();
  host = await createHost({ databaseUrl: socketUrl, logger: createLogger('silent'), pluginModules: [] });
});

afterAll(async () => {
  await host?.close();
  await database.drop();
});

describe('DATABASE_URL with ?socketPath=', () => {
  it("connects through the server's Unix socket, not TCP", async () => {
    // The server names a socket client's host 'localhost'; a TCP client's is 'address:port'.
    const [{ client }] = await host.db.query<{ client: string }>(
      'SELECT HOST AS client FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()',
    );
    expect(client).toBe('localhost');
  });

  it('serves the API over it', async () => {
    const key = await createApiKey(host.db, { userId: 1, permissions: 'read', description: 'socket' });
    const response = await supertest(host.app)
      .get('/wp-json/wc/v3/customers?role=all')
      .auth(key.consumerKey, key.consumerSecret);
    expect(response.status).toBe(200);
    expect(response.headers['x-wp-total']).toBe('1');
  });

  it('says which socket is missing when none is there', async () => {
    const url = new URL(socketUrl);
    url.searchParams.set('socketPath', '/nonexistent/mysqld.sock');
    const outcome = await createHost({ databaseUrl: url.toString(), logger: createLogger('silent'), pluginModules: [] })
      .then(async (opened) => {
        await opened.close();
        return 'opened';
      })
      .catch((error: Error) => error.message);
    expect(outcome).toMatch(/^No socket at \/nonexistent\/mysqld\.sock \(ENOENT\)/);
  });
});
