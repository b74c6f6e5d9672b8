/**
 * `npm run bench [-- --customers N --orders M --db sqlite|mariadb|both --duration S --connections C
 *                    --buffer-pool 128M,1G --baseline-timeout S --walk-pages P --api v2|v3 --workers 1,2]`
 *
 * For each database: a fresh database, wc-host's own migrations, N customers and M orders (both order storages)
 * seeded straight through the driver, `wc-host db index`; then, per MariaDB buffer pool size and per order
 * storage (and per worker count of `--workers`), every GET scenario against wc-host (`bin/wc-host.js serve`) and the WooCommerce-shaped baseline
 * (`bench/baseline.ts`), the export walk, and the writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { forEachBufferPool } from './bufferPool';
import { freshDatabase } from './freshDatabase';
import { parseBenchOptions, type BenchOptions } from './options';
import { prepareDatabase } from './prepareDatabase';
import { printSummary } from './report';
import type { BenchResults, DatabaseResult, OrderStorageName } from './results';
import { runPass } from './runPass';

const REPO = path.resolve(__dirname, '..', '..');
const STORAGES: readonly OrderStorageName[] = ['hpos', 'posts'];

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const { mysqlServerUrl: _url, ...shown } = options;
  const results: BenchResults = {
    options: shown,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    databases: [],
  };
  const record = (result: DatabaseResult) => {
    if (!results.databases.includes(result)) results.databases.push(result);
    save(results);
  };
  for (const database of options.databases) await benchDatabase(database, options, record);
  results.finishedAt = new Date().toISOString();
  save(results);
  printSummary(results.databases, options);
}

/** Seeds one database, runs its passes and drops it; `record` is called after each step with what is known so far. */
async function benchDatabase(
  database: 'sqlite' | 'mariadb',
  options: BenchOptions,
  record: (result: DatabaseResult) => void,
): Promise<void> {
  const target = await freshDatabase(database, options.mysqlServerUrl);
  try {
    const log = (line: string) => process.stdout.write(`${line}\n`);
    log(
      `\n== ${database}: seeding ${options.customers.toLocaleString('en-US')} customers and ${options.orders.toLocaleString('en-US')} orders`,
    );
    const prepared = await prepareDatabase(target, { customers: options.customers, orders: options.orders }, log);
    const result: DatabaseResult = {
      database,
      seed: prepared.seed,
      analyzeSeconds: prepared.analyzeSeconds,
      indexSeconds: prepared.indexSeconds,
      busiestCustomer: { id: prepared.catalog.busiestCustomerId, orders: prepared.catalog.busiestOrders },
      heavyCustomers: prepared.catalog.heavyCustomers,
      passes: [],
    };
    record(result);
    let passNumber = 0;
    const runStorages = async (bufferPool: string | null) => {
      for (const storage of STORAGES) {
        for (const workers of options.workers) {
          const tag = `${process.pid}.${database}.${++passNumber}`;
          result.passes.push(await runPass({ database, target, prepared, options, storage, bufferPool, workers, tag }));
          record(result);
        }
      }
    };
    if (database === 'mariadb')
      await forEachBufferPool(options.mysqlServerUrl ?? '', options.bufferPools, (pool) => runStorages(pool.label));
    else await runStorages(null);
  } finally {
    await target.drop();
  }
}

/** Written after every pass, so an interrupted run still leaves its figures. */
function save(results: BenchResults): void {
  const dir = path.join(REPO, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2));
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
