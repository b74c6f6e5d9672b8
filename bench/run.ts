/**
 * `npm run bench [-- --customers N --db sqlite|mariadb|both --duration S --connections C]`
 *
 * For each database: a fresh database, wc-host's own migrations, N seeded customers, then every scenario measured
 * with autocannon against wc-host (`bin/wc-host.js serve`) and against the bare Express + driver baseline
 * (`bench/baseline.ts`), one after the other, with the throughput ratio and peak RSS of both processes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../src/db/createDataSource';
import { createDb } from '../src/db/createDb';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import { parseBenchOptions, type BenchOptions } from './options';
import { seedCustomers } from './seedCustomers';
import { startChildServer } from './childServer';
import { measure, type Measurement } from './measure';
import { scenarios } from './scenarios';

const REPO = path.resolve(__dirname, '..', '..');

interface Row {
  database: string;
  scenario: string;
  host: Measurement & { peakRssMiB: number };
  baseline: Measurement & { peakRssMiB: number };
  ratio: number;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const rows: Row[] = [];
  for (const database of options.databases) rows.push(...(await benchDatabase(database, options)));
  printVerdicts(rows, options);
  const resultsDir = path.join(REPO, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ options: { ...options, mysqlServerUrl: undefined }, rows }, null, 2));
}

async function benchDatabase(database: 'sqlite' | 'mariadb', options: BenchOptions): Promise<Row[]> {
  const target = await freshDatabase(database, options);
  try {
    process.stdout.write(`\n== ${database}: seeding ${options.customers} customers\n`);
    const { firstId, lastId, authorization } = await prepare(target.url, options.customers);
    const host = await startChildServer('wc-host', [path.join(REPO, 'bin', 'wc-host.js'), 'serve'], { DATABASE_URL: target.url, LOG_LEVEL: 'warn' }, 18080, '/wp-json/');
    const baseline = await startChildServer('baseline', [path.join(__dirname, 'baseline.js')], { BENCH_DATABASE_URL: target.url }, 18081, '/wp-json/wc/v2/customers/1');
    const rows: Row[] = [];
    try {
      for (const scenario of scenarios(firstId, lastId)) {
        const run = { durationSeconds: options.durationSeconds, connections: options.connections };
        const ours = await measure(host.url, authorization, scenario, run);
        const theirs = await measure(baseline.url, authorization, scenario, run);
        const row: Row = {
          database,
          scenario: scenario.name,
          host: { ...ours, peakRssMiB: host.peakRssMiB() },
          baseline: { ...theirs, peakRssMiB: baseline.peakRssMiB() },
          ratio: theirs.requestsPerSecond > 0 ? ours.requestsPerSecond / theirs.requestsPerSecond : 0,
        };
        rows.push(row);
        printRow(row);
      }
    } finally {
      await host.stop();
      await baseline.stop();
    }
    return rows;
  } finally {
    await target.drop();
  }
}

/** Migrates and seeds through wc-host's own code, then makes an administrator key; returns the Basic header. */
async function prepare(url: string, customers: number): Promise<{ firstId: number; lastId: number; authorization: string }> {
  const dataSource = createDataSource({ url, tablePrefix: 'wp_' });
  await dataSource.initialize();
  try {
    const db = createDb(dataSource, 'wp_');
    await migrate(db, createLogger('warn'));
    const started = Date.now();
    const ids = await seedCustomers(db, customers, (done) => {
      if (done % 50_000 === 0 || done === customers) process.stdout.write(`   seeded ${done}/${customers} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    });
    const key = await createApiKey(db, { userId: 1, permissions: 'read_write', description: 'bench' });
    return { ...ids, authorization: `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}` };
  } finally {
    await dataSource.destroy();
  }
}

async function freshDatabase(database: 'sqlite' | 'mariadb', options: BenchOptions): Promise<{ url: string; drop(): Promise<void> }> {
  if (database === 'sqlite') {
    const file = path.join(os.tmpdir(), `wc-host-bench-${process.pid}.sqlite`);
    const drop = async () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(file + suffix, { force: true }));
    await drop();
    return { url: `sqlite:${file}`, drop };
  }
  const server = new URL(options.mysqlServerUrl ?? '');
  const admin = () =>
    createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
  const name = 'wchost_bench';
  const connection = await admin();
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
  await connection.end();
  server.pathname = `/${name}`;
  return {
    url: server.toString(),
    drop: async () => {
      const again = await admin();
      await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await again.end();
    },
  };
}

function printRow(row: Row): void {
  const m = (x: Measurement & { peakRssMiB: number }) =>
    `${x.requestsPerSecond.toFixed(x.requestsPerSecond < 10 ? 2 : 0).padStart(6)} req/s  p50 ${String(x.p50).padStart(4)} ms  p99 ${String(x.p99).padStart(4)} ms  RSS ${x.peakRssMiB} MiB${x.non2xx + x.errors > 0 ? `  (${x.non2xx} non-2xx, ${x.errors} errors)` : ''}`;
  process.stdout.write(`${row.scenario}\n   wc-host  ${m(row.host)}\n   baseline ${m(row.baseline)}\n   ratio    ${row.ratio.toFixed(2)}\n`);
}

function printVerdicts(rows: Row[], options: BenchOptions): void {
  const maria = rows.filter((row) => row.database === 'mariadb');
  if (maria.length === 0) return;
  const single = maria.find((row) => row.scenario.startsWith('GET /customers/<'));
  const list = maria.find((row) => row.scenario === 'GET /customers');
  process.stdout.write(`\nTargets (MariaDB, ${options.customers} customers, ${options.connections} connections):\n`);
  if (single) {
    const ok = single.ratio >= 0.6 && single.host.p99 < 20;
    process.stdout.write(`   single GET ≥ 60% of baseline and p99 < 20 ms: ${ok ? 'met' : 'NOT met'} (ratio ${single.ratio.toFixed(2)}, p99 ${single.host.p99} ms)\n`);
  }
  if (list) {
    process.stdout.write(`   default list faster than the naive baseline: ${list.ratio > 1 ? 'met' : 'NOT met'} (ratio ${list.ratio.toFixed(2)})\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
