import type { Pool, PoolConnection } from 'mysql2';
import { ACQUIRE_TIMEOUT, limitAcquireWait } from './acquireTimeout';

type Callback = (error: NodeJS.ErrnoException | null, connection: PoolConnection) => void;

/** A pool whose connections come free only when the test says so. */
function fakePool() {
  const waiting: Callback[] = [];
  const released: string[] = [];
  const pool = { getConnection: (callback: Callback) => waiting.push(callback) } as unknown as Pool;
  const connection = (name: string) => ({ name, release: () => released.push(name) }) as unknown as PoolConnection;
  return { pool, waiting, released, connection };
}

const acquire = (pool: Pool) =>
  new Promise<{ error: NodeJS.ErrnoException | null; connection: PoolConnection }>((resolve) =>
    pool.getConnection((error, connection) => resolve({ error, connection })),
  );

it('fails a caller that waited past the limit, and hands the connection that comes later back to the pool', async () => {
  const { pool, waiting, released, connection } = fakePool();
  limitAcquireWait(pool, 50);
  const outcome = await acquire(pool);
  expect(outcome.error).toMatchObject({ code: ACQUIRE_TIMEOUT });

  waiting[0](null, connection('late'));
  expect(released).toEqual(['late']);
});

it('gives a connection that comes in time to its caller', async () => {
  const { pool, waiting, released, connection } = fakePool();
  limitAcquireWait(pool, 1000);
  const pending = acquire(pool);
  const given = connection('prompt');
  waiting[0](null, given);
  await expect(pending).resolves.toEqual({ error: null, connection: given });
  expect(released).toEqual([]);
});
