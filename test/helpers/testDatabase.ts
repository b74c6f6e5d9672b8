import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/createDataSource';
import { createDb, type CreateDbOptions } from '../../src/db/createDb';
import type { Db } from '../../src/db/types';
import { loadBuiltinPlugins } from '../../src/host/pluginLoader';
import { orderByDependencies } from '../../src/host/orderByDependencies';
import type { Plugin } from '../../src/host/types';

export interface TestDatabase {
  /** A DATABASE_URL for createDataSource()/createHost(). */
  url: string;
  /** Removes the database (MySQL) or the file with its -wal/-shm companions (SQLite). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a uniquely named database on TEST_MYSQL_URL's server when the jest
 * project sets WC_HOST_TEST_DB=mysql, else a new SQLite file in the OS temp folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `wchost_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  return process.env.WC_HOST_TEST_DB === 'mysql' ? createMysqlDatabase(name) : createSqliteFile(name);
}

async function createMysqlDatabase(name: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_MYSQL_URL;
  if (!serverUrl) throw new Error('WC_HOST_TEST_DB=mysql needs TEST_MYSQL_URL=mysql://user:pass@host:port/db');
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  type AdminConnection = Awaited<ReturnType<typeof createConnection>>;
  const admin = async <T>(work: (connection: AdminConnection) => Promise<T>): Promise<T> => {
    const connection = await createConnection({
      host: url.hostname,
      port: url.port === '' ? 3306 : Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    try {
      return await work(connection);
    } finally {
      await connection.end();
    }
  };
  await admin((connection) =>
    connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`),
  );
  return {
    url: url.toString(),
    drop: () => admin((connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => undefined),
  };
}

async function createSqliteFile(name: string): Promise<TestDatabase> {
  const file = path.join(os.tmpdir(), `${name}.sqlite`);
  return {
    url: `sqlite:${file}`,
    async drop() {
      await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
    },
  };
}

export interface OpenDb {
  dataSource: DataSource;
  db: Db;
  close(): Promise<void>;
}

/** The built-in plugins (plugins/*) in the order the host loads them. */
export function builtinPlugins(): Plugin[] {
  return orderByDependencies(loadBuiltinPlugins()).map((entry) => entry.plugin);
}

/**
 * Opens `url` the way wc-host does (createDataSource + createDb) with the built-in plugins' tables mapped (migrate()
 * creates them), without migrating it.
 */
export async function openDb(url: string, tablePrefix = 'wp_', options: CreateDbOptions = {}): Promise<OpenDb> {
  const dataSource = createDataSource({ url, tablePrefix, plugins: builtinPlugins() });
  await dataSource.initialize();
  const db = createDb(dataSource, tablePrefix, options);
  return {
    dataSource,
    db,
    async close() {
      await db.close();
      await dataSource.destroy();
    },
  };
}
