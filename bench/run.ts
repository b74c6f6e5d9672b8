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
import { freePort, startChildServer, type ChildServer } from './childServer';
import { settle } from './settle';
import { measure, warmUp, type Measurement } from './measure';
import { scenarios } from './scenarios';

const REPO = path.resolve(__dirname, '..', '..');

/** A measurement with what the server process spent on it: CPU per response and its peak RSS so far. */
type ServerFigures = Measurement & { cpuMsPerRequest: number; peakRssMiB: number };

interface Row {
  database: string;
  scenario: string;
  host: ServerFigures;
  baseline: ServerFigures;
  /** wc-host req/s ÷ baseline req/s; null when the baseline answered nothing within the duration. */
  ratio: number | null;
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
    const host = await startChildServer('wc-host', [path.join(REPO, 'bin', 'wc-host.js'), 'serve'], { DATABASE_URL: target.url, LOG_LEVEL: 'warn' }, await freePort(), '/wp-json/');
    const baseline = await startChildServer('baseline', [path.join(__dirname, 'baseline.js')], { BENCH_DATABASE_URL: target.url }, await freePort(), '/wp-json/wc/v2/customers/1');
    const rows: Row[] = [];
    try {
      printHeader(database, options);
      for (const scenario of scenarios(firstId, lastId)) {
        const run = { durationSeconds: options.durationSeconds, connections: options.connections };
        const mysqlUrl = database === 'mariadb' ? target.url : null;
        const ours = await measureServer(host, authorization, scenario, run, mysqlUrl);
        const theirs = await measureServer(baseline, authorization, scenario, run, mysqlUrl);
        const row: Row = {
          database,
          scenario: scenario.name,
          host: ours,
          baseline: theirs,
          ratio: theirs.requestsPerSecond > 0 ? ours.requestsPerSecond / theirs.requestsPerSecond : null,
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

/**
 * One scenario against one server: a short unrecorded warm-up, then the measurement; after each, waits until the
 * server (and MariaDB) finished the requests left in flight.
 */
async function measureServer(
  server: ChildServer,
  authorization: string,
  scenario: ReturnType<typeof scenarios>[number],
  run: { durationSeconds: number; connections: number },
  mysqlUrl: string | null,
): Promise<ServerFigures> {
  await warmUp(server.url, authorization, scenario, run);
  await settle(server.url, mysqlUrl);
  const cpuBefore = server.cpuSeconds();
  const figures = await measure(server.url, authorization, scenario, run);
  await settle(server.url, mysqlUrl);
  // Up to the moment the server is idle again, per request it was sent: in-flight requests cost it all the same.
  const cpuMsPerRequest = figures.sent > 0 ? ((server.cpuSeconds() - cpuBefore) * 1000) / figures.sent : 0;
  return { ...figures, cpuMsPerRequest, peakRssMiB: server.peakRssMiB() };
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
    // InnoDB refreshes index statistics in the background some time after a bulk load; a live site has settled ones.
    // Refresh them now so both servers get the plans a real shop would (and runs do not depend on that timing).
    if (db.dialect === 'mysql') await db.query(`ANALYZE TABLE ${db.table('users')}, ${db.table('usermeta')}`);
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
  // One per bench process: two benches on one server (two engineers, or a CI job) must not drop each other's data.
  const name = `wchost_bench_${process.pid}`;
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

const SCENARIO_WIDTH = 48;
const COLUMNS = ['req/s', 'p50', 'p99', 'cpu/req', 'RSS'];
const WIDTHS = [8, 7, 7, 9, 5];

function printHeader(database: string, options: BenchOptions): void {
  const side = (name: string) => `${name}: ${COLUMNS.map((column, i) => column.padStart(WIDTHS[i])).join('')}`;
  process.stdout.write(
    `\n${database}, ${options.customers} customers, ${options.connections} connections (batch: 2), ${options.durationSeconds} s each. ` +
      `Latencies in ms; cpu/req = the server's CPU ms per request sent; RSS = its peak MiB so far (VmHWM, cannot be reset)\n` +
      `${'scenario'.padEnd(SCENARIO_WIDTH)} ${side('wc-host')} | ${side('baseline')} | ratio\n`,
  );
}

function printRow(row: Row): void {
  const side = (name: string, x: ServerFigures) => {
    const values = [x.requestsPerSecond.toFixed(x.requestsPerSecond < 10 ? 2 : 0), x.p50, x.p99, x.cpuMsPerRequest.toFixed(2), x.peakRssMiB];
    return `${' '.repeat(name.length + 1)} ${values.map((value, i) => String(value).padStart(WIDTHS[i])).join('')}`;
  };
  const failures = ([['wc-host', row.host], ['baseline', row.baseline]] as const)
    .filter(([, x]) => x.non2xx + x.errors > 0)
    .map(([name, x]) => `  (${name}: ${x.non2xx} non-2xx, ${x.errors} errors)`);
  process.stdout.write(
    `${row.scenario.padEnd(SCENARIO_WIDTH)} ${side('wc-host', row.host)} | ${side('baseline', row.baseline)} | ${(row.ratio === null ? 'n/a' : row.ratio.toFixed(2)).padStart(5)}${failures.join('')}\n`,
  );
}

function printVerdicts(rows: Row[], options: BenchOptions): void {
  const maria = rows.filter((row) => row.database === 'mariadb');
  if (maria.length === 0) return;
  const single = maria.find((row) => row.scenario.startsWith('GET /customers/<'));
  const list = maria.find((row) => row.scenario === 'GET /customers');
  process.stdout.write(`\nTargets (MariaDB, ${options.customers} customers, ${options.connections} connections):\n`);
  if (single) {
    const ok = single.ratio !== null && single.ratio >= 0.6 && single.host.p99 < 20;
    process.stdout.write(`   single GET ≥ 60% of baseline and p99 < 20 ms: ${ok ? 'met' : 'NOT met'} (ratio ${showRatio(single.ratio)}, p99 ${single.host.p99} ms)\n`);
  }
  if (list) {
    const verdict = list.ratio === null ? 'undecided' : list.ratio > 1 ? 'met' : 'NOT met';
    process.stdout.write(`   default list faster than the naive baseline: ${verdict} (ratio ${showRatio(list.ratio)})\n`);
  }
}

/** The ratio, or why there is none (a scenario slower than --duration completes no request: lengthen it). */
function showRatio(ratio: number | null): string {
  return ratio === null ? 'n/a (baseline answered nothing; longer --duration?)' : ratio.toFixed(2);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
