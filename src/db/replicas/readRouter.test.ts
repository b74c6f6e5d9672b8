import { createReadRouter, type ReadRouterDeps } from './readRouter';
import type { ReadPositions } from './readPositions';

/** A router over fake replicas: which server a read went to is what the fakes record. */
function routerWith(
  options: { inService?: string[]; reached?: boolean; replicaFails?: Error; position?: string | null } = {},
) {
  const served: string[] = [];
  const takenOut: string[] = [];
  const recorded: number[] = [];
  const waits: unknown[][] = [];
  let inService = options.inService ?? ['R0'];
  const positions: ReadPositions = {
    record: async (keyId) => void recorded.push(keyId),
    lookup: async () => (options.position === undefined ? null : options.position),
  };
  const deps: ReadRouterDeps = {
    pools: {
      async query(id, sql, values) {
        if (sql.includes('MASTER_GTID_WAIT')) {
          waits.push([id, ...values]);
          return [{ reached: options.reached ? 1 : 0 }];
        }
        if (options.replicaFails) throw options.replicaFails;
        served.push(`${id}: ${sql}`);
        return [{ from: id }];
      },
    },
    rotation: {
      pick: () => inService[0] ?? null,
      takeOut: (id) => {
        takenOut.push(id);
        inService = inService.filter((candidate) => candidate !== id);
      },
    },
    positions,
    flavor: 'mariadb',
    waitMs: 250,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  const router = createReadRouter(deps);
  const onPrimary = async (sql: string) => {
    served.push(`primary: ${sql}`);
    return [{ from: 'primary' }];
  };
  const read = (sql: string) => router.read(sql, [], onPrimary);
  return { router, read, served, takenOut, recorded, waits };
}

it('sends the reads of a GET to the replica once authentication is over, and those of authentication to the primary', async () => {
  const { router, read, served } = routerWith();
  await router.runRequest('GET', async () => {
    await read('key lookup');
    router.authenticated(null);
    await read('customer');
    await read('meta');
  });
  expect(served).toEqual(['primary: key lookup', 'R0: customer', 'R0: meta']);
});

it('sends every read of a write request, and reads outside any request, to the primary', async () => {
  const { router, read, served } = routerWith();
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    await router.runRequest(method, async () => {
      router.authenticated(7);
      await read(method);
    });
  }
  await read('startup');
  expect(served).toEqual([
    'primary: POST',
    'primary: PUT',
    'primary: PATCH',
    'primary: DELETE',
    'primary: OPTIONS',
    'primary: startup',
  ]);
});

it('reads the primary when no replica is in service, without looking up the key', async () => {
  const { router, read, served, waits } = routerWith({ inService: [], position: '0-1-9' });
  await router.runRequest('GET', async () => {
    router.authenticated(7);
    await read('customer');
  });
  expect(served).toEqual(['primary: customer']);
  expect(waits).toEqual([]);
});

it("waits on the replica for the key's last write, then reads there", async () => {
  const { router, read, served, waits } = routerWith({ position: '0-1-42', reached: true });
  await router.runRequest('GET', async () => {
    router.authenticated(7);
    await read('customer');
    await read('meta');
  });
  expect(waits).toEqual([['R0', '0-1-42', 0.25]]);
  expect(served).toEqual(['R0: customer', 'R0: meta']);
});

it('reads the primary for the whole request when the replica does not reach the write in time', async () => {
  const { router, read, served, waits } = routerWith({ position: '0-1-42', reached: false });
  await router.runRequest('GET', async () => {
    router.authenticated(7);
    await read('customer');
    await read('meta');
  });
  expect(waits).toHaveLength(1);
  expect(served).toEqual(['primary: customer', 'primary: meta']);
});

it('does not wait for a key that never wrote, nor for a request without a key', async () => {
  const { router, read, served, waits } = routerWith({ position: null });
  await router.runRequest('GET', async () => {
    router.authenticated(7);
    await read('customer');
  });
  await router.runRequest('HEAD', async () => {
    router.authenticated(null);
    await read('index');
  });
  expect(waits).toEqual([]);
  expect(served).toEqual(['R0: customer', 'R0: index']);
});

it('reads again on the primary when the replica fails, taking it out if it is unavailable', async () => {
  const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), {
    code: 'PROTOCOL_CONNECTION_LOST',
    fatal: true,
  });
  const { router, read, served, takenOut } = routerWith({ replicaFails: lost });
  const rows = await router.runRequest('GET', async () => {
    router.authenticated(null);
    return [await read('customer'), await read('meta')];
  });
  expect(rows).toEqual([[{ from: 'primary' }], [{ from: 'primary' }]]);
  expect(served).toEqual(['primary: customer', 'primary: meta']);
  expect(takenOut).toEqual(['R0']);
});

it('keeps a replica whose read failed for a reason of its own (the primary answers that read)', async () => {
  const syntax = Object.assign(new Error("Table 'wc.wp_new' doesn't exist"), { code: 'ER_NO_SUCH_TABLE', errno: 1146 });
  const { router, read, served, takenOut } = routerWith({ replicaFails: syntax });
  await router.runRequest('GET', async () => {
    router.authenticated(null);
    await read('customer');
  });
  expect(served).toEqual(['primary: customer']);
  expect(takenOut).toEqual([]);
});

it("records the primary's position for the key after each write of a write request, not after a GET's bookkeeping", async () => {
  const { router, recorded } = routerWith();
  await router.runRequest('POST', async () => {
    await router.wrote(); // before authentication: no key yet
    router.authenticated(7);
    await router.wrote();
  });
  await router.runRequest('GET', async () => {
    router.authenticated(8);
    await router.wrote();
  });
  await router.runRequest('DELETE', async () => {
    router.authenticated(null);
    await router.wrote();
  });
  await router.wrote();
  expect(recorded).toEqual([7]);
});
