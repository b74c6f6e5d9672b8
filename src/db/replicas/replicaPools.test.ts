import net from 'node:net';
import { createReplicaPools } from './replicaPools';

/** A local port nothing listens on: connecting to it is refused at once, like connecting to a stopped replica. */
function refusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const limits = { acquireTimeoutMs: 2000, statementTimeoutMs: 0 };

it('taking a replica out while its pool is still connecting to it throws nothing: the read fails (and the router re-reads it on the primary)', async () => {
  const port = await refusedPort();
  const pools = createReplicaPools(
    new Map([['R0', { host: '127.0.0.1', port, user: 'nobody', connectTimeout: 2000 }]]),
    limits,
  );
  pools.add('R0');
  const read = pools.query('R0', 'SELECT 1', []);
  // Out while the connection is being made: its pool's ending meets the refused connection (mysql2's Pool#end
  // without a callback throws that error, out of any caller's reach — an uncaught exception).
  pools.remove('R0');
  await expect(read).rejects.toThrow();
  await pools.end();
  // The refused connection's error is delivered after the read's; give it the turn of the event loop it needs.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

it('a replica taken out reads nothing (POOL_NOEXIST), and put back gets a pool of its own again', async () => {
  const port = await refusedPort();
  const pools = createReplicaPools(
    new Map([['R0', { host: '127.0.0.1', port, user: 'nobody', connectTimeout: 2000 }]]),
    limits,
  );
  pools.add('R0');
  pools.remove('R0');
  await expect(pools.query('R0', 'SELECT 1', [])).rejects.toMatchObject({ code: 'POOL_NOEXIST' });
  pools.add('R0');
  const error: unknown = await pools.query('R0', 'SELECT 1', []).catch((failure: unknown) => failure);
  expect((error as { code?: unknown }).code).toBe('ECONNREFUSED');
  await pools.end();
});
