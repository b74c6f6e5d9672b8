import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface FreshDatabase {
  dialect: 'sqlite' | 'mysql';
  url: string;
  /** SQLite: the file. */
  file: string | null;
  /** MariaDB: the database name (settle.ts and the killer of stale queries look only at it). */
  name: string | null;
  drop(): Promise<void>;
}

/**
 * An empty database of the bench's own: a temp SQLite file, or `wchost_bench_<pid>` on the MySQL server (one per
 * bench process: two benches on one server — two engineers, or a CI job — must not drop each other's data).
 */
export async function freshDatabase(
  database: 'sqlite' | 'mariadb',
  mysqlServerUrl: string | null,
): Promise<FreshDatabase> {
  if (database === 'sqlite') {
    const file = path.join(os.tmpdir(), `wc-host-bench-${process.pid}.sqlite`);
    const drop = async () =>
      ['', '-wal', '-shm', '-journal'].forEach((suffix) => rmSync(file + suffix, { force: true }));
    await drop();
    return { dialect: 'sqlite', url: `sqlite:${file}`, file, name: null, drop };
  }
  const server = new URL(mysqlServerUrl ?? '');
  const admin = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
  const name = `wchost_bench_${process.pid}`;
  const connection = await admin();
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
  await connection.end();
  server.pathname = `/${name}`;
  return {
    dialect: 'mysql',
    url: server.toString(),
    file: null,
    name,
    drop: async () => {
      const again = await admin();
      await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await again.end();
    },
  };
}
