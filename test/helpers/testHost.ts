import supertest from 'supertest';
import { createHost } from '../../src/host/createHost';
import { createLogger } from '../../src/host/logger';
import { createApiKey } from '../../src/auth/apiKeys';
import { createTestDatabase } from './testDatabase';
import type { Host, HostOptions } from '../../src/host/types';

export interface TestKey {
  keyId: number;
  consumerKey: string;
  consumerSecret: string;
}

export interface TestHost {
  host: Host;
  /** The DATABASE_URL of the host's fresh database. */
  databaseUrl: string;
  /** supertest bound to host.app (requests come from loopback, so Basic auth with a key works over plain HTTP). */
  http: ReturnType<typeof supertest>;
  /** A read_write key of the seeded administrator (user 1). */
  adminKey: TestKey;
  /** Creates a key for any user. */
  createKey(userId: number, permissions?: 'read' | 'write' | 'read_write'): Promise<TestKey>;
  close(): Promise<void>;
}

/** A host on a fresh database (SQLite or, in the mariadb jest project, MariaDB), with its built-in plugins. */
export async function createTestHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const database = await createTestDatabase();
  let host: Host;
  try {
    host = await createHost({
      databaseUrl: database.url,
      logger: createLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent'),
      pluginModules: [],
      homeUrl: null,
      trustProxy: false,
      strictAuth: false,
      ...options,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const createKey = async (
    userId: number,
    permissions: 'read' | 'write' | 'read_write' = 'read_write',
  ): Promise<TestKey> => {
    const key = await createApiKey(host.db, { userId, permissions, description: 'test' });
    return { keyId: key.keyId, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret };
  };
  const adminKey = await createKey(1);
  return {
    host,
    databaseUrl: database.url,
    http: supertest(host.app),
    adminKey,
    createKey,
    async close() {
      await host.close();
      await database.drop();
    },
  };
}
