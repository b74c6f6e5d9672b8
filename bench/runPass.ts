import path from 'node:path';
import { openBaselineDriver } from './baselineDriver';
import { freePort, startChildServer, type ChildServer } from './childServer';
import { npmStartNodeFlags } from './npmStartFlags';
import { exportWalk } from './exportWalk';
import type { FreshDatabase } from './freshDatabase';
import { measureRead, measureWrite, retryIfServerDied, type MeasureSettings, type ServerSlot } from './measureScenario';
import type { BenchOptions } from './options';
import type { PreparedDatabase } from './prepareDatabase';
import { printPassHeader, printReadRow, printWalk, printWrites } from './report';
import type { OrderStorageName, PassResult, ReadRow, WriteRow } from './results';
import {
  batchScenario,
  createdEmailPattern,
  createScenario,
  deleteScenario,
  readScenarios,
  updateScenario,
  type Scenario,
} from './scenarios';
import { killBenchQueries } from './settle';

export interface PassSettings {
  database: 'sqlite' | 'mariadb';
  target: FreshDatabase;
  prepared: PreparedDatabase;
  options: BenchOptions;
  storage: OrderStorageName;
  bufferPool: string | null;
  /** wc-host's worker processes (WC_HOST_WORKERS). */
  workers: number;
  /** Unique per pass: the emails of the customers its writes create. */
  tag: string;
}

/**
 * One pass: the order storage switched (the option `woocommerce_custom_orders_table_enabled`), both servers started
 * fresh (neither may answer from an options cache of the previous pass), every GET scenario against each, the
 * export walk, then the writes against wc-host.
 */
export async function runPass(settings: PassSettings): Promise<PassResult> {
  const { target, prepared, options } = settings;
  const { authorization, catalog } = prepared;
  await setOrderStorage(target.url, settings.storage);
  const measureSettings: MeasureSettings = {
    durationSeconds: options.durationSeconds,
    warmUpSeconds: options.warmUpSeconds,
    connections: options.connections,
    timeoutSeconds: options.timeoutSeconds,
    mysqlUrl: target.dialect === 'mysql' ? target.url : null,
  };
  const host = await slot((port) =>
    startChildServer(
      'wc-host',
      [...npmStartNodeFlags(), path.join(__dirname, 'hostServer.js')],
      hostEnv(target.url, settings.workers),
      port,
      '/wp-json/',
      {
        // Every worker must be up before the first figure: the primary's "all n workers listening" line (info).
        readyLine: settings.workers > 1 ? /all \d+ workers listening on / : undefined,
      },
    ),
  );
  const baseline = await slot((port) =>
    startChildServer(
      'baseline',
      [path.join(__dirname, 'baseline.js')],
      // MariaDB cuts a baseline statement off a little after the bench gave up on its request.
      { BENCH_DATABASE_URL: target.url, BENCH_BASELINE_TIMEOUT_SECONDS: String(options.timeoutSeconds + 5) },
      port,
      `/wp-json/wc/${options.api}/customers/1`,
    ),
  );
  const pass: PassResult = {
    database: settings.database,
    storage: settings.storage,
    bufferPool: settings.bufferPool,
    workers: settings.workers,
    reads: [],
    walk: { host: emptyWalk(), baseline: emptyWalk() },
    writes: [],
  };
  const started = Date.now();
  try {
    printPassHeader(pass, options);
    await Promise.all([prime(host.server.url, authorization), prime(baseline.server.url, authorization)]);
    for (const scenario of readScenarios(catalog, options.api)) {
      const ours = await measureRead(host, authorization, scenario, measureSettings);
      const theirs = await measureRead(baseline, authorization, scenario, measureSettings);
      const ratio =
        ours.kind === 'measured' && theirs.kind === 'measured' && theirs.figures.requestsPerSecond > 0
          ? ours.figures.requestsPerSecond / theirs.figures.requestsPerSecond
          : null;
      const row: ReadRow = {
        scenario: scenario.name,
        totalsComparable: !scenario.random,
        host: ours,
        baseline: theirs,
        ratio,
      };
      pass.reads.push(row);
      printReadRow(row);
    }

    const walkLimits = { perPage: 100, maxPages: options.walkPages, pageTimeoutSeconds: options.timeoutSeconds };
    pass.walk.host = await retryIfServerDied(host, 'export walk', measureSettings, () =>
      exportWalk(host.server.url, authorization, options.api, { ...walkLimits, budgetSeconds: null }),
    );
    printWalk('wc-host', pass.walk.host);
    // The baseline's pages get slower with every offset: it walks for twice the timeout at most (less in short runs).
    const budget = Math.min(options.timeoutSeconds * 2, Math.max(10, options.durationSeconds * 10));
    pass.walk.baseline = await exportWalk(baseline.server.url, authorization, options.api, {
      ...walkLimits,
      pageTimeoutSeconds: Math.min(options.timeoutSeconds, budget),
      budgetSeconds: budget,
    });
    printWalk('baseline', pass.walk.baseline);
    // The baseline has nothing left to do: nothing of it may run beside the writes (an abandoned page included).
    await baseline.server.stop();
    if (measureSettings.mysqlUrl) await killBenchQueries(measureSettings.mysqlUrl);

    pass.writes = await runWrites(host, settings, measureSettings);
    printWrites(pass.writes);
    process.stdout.write(`pass done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  } finally {
    await host.server.stop();
    await baseline.server.stop();
  }
  return pass;
}

/**
 * A fresh server's first requests pay one-off costs (compiling, connection pools, caches): a few cheap ones first, so
 * that no scenario's probe mistakes them for slowness. On v3, which reads no orders: cheap on any server.
 */
async function prime(url: string, authorization: string): Promise<void> {
  for (const path of ['customers/1', 'customers?include=1&role=all', 'customers/1', 'customers?include=1&role=all']) {
    await fetch(`${url}/wp-json/wc/v3/${path}`, {
      headers: { authorization },
      signal: AbortSignal.timeout(60_000),
    }).then((response) => response.arrayBuffer());
  }
}

/** Create, then delete what was created, then update, then the batch: each a fixed amount, on wc-host. */
async function runWrites(
  host: ServerSlot,
  settings: PassSettings,
  measureSettings: MeasureSettings,
): Promise<WriteRow[]> {
  const { prepared, options, target, tag } = settings;
  const rows: WriteRow[] = [];
  const run = async (scenario: Scenario) => {
    const figures = await retryIfServerDied(host, scenario.name, measureSettings, () =>
      measureWrite(host.server, prepared.authorization, scenario, measureSettings),
    );
    rows.push({ scenario: scenario.name, host: figures });
  };
  await run(createScenario(options.api, tag, options.writes.create));
  const db = openBaselineDriver(target.url);
  let created: number[];
  try {
    created = (
      await db.all<{ ID: number }>(`SELECT ID FROM wp_users WHERE user_email LIKE ? ORDER BY ID`, [
        createdEmailPattern(tag),
      ])
    ).map((row) => Number(row.ID));
  } finally {
    await db.close();
  }
  if (created.length > 0) await run(deleteScenario(options.api, shuffled(created)));
  await run(updateScenario(prepared.catalog, options.api, options.writes.update));
  await run(batchScenario(options.api, tag, options.writes.batch));
  return rows;
}

/** The option WooCommerce reads to decide where orders live (OrderUtil::custom_orders_table_usage_is_enabled). */
async function setOrderStorage(url: string, storage: OrderStorageName): Promise<void> {
  const db = openBaselineDriver(url);
  try {
    await db.run(
      `UPDATE wp_options SET option_value = ? WHERE option_name = 'woocommerce_custom_orders_table_enabled'`,
      [storage === 'hpos' ? 'yes' : 'no'],
    );
  } finally {
    await db.close();
  }
}

/**
 * wc-host's environment: warnings only as `npm start` would log them, or with workers, info (for the primary's line
 * that all of them listen) without the access log, so neither run writes a line per request.
 */
function hostEnv(databaseUrl: string, workers: number): NodeJS.ProcessEnv {
  return workers > 1
    ? { DATABASE_URL: databaseUrl, WC_HOST_WORKERS: String(workers), LOG_LEVEL: 'info', WC_HOST_ACCESS_LOG: 'off' }
    : { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
}

/** A server on a free port that can be replaced by a fresh one (same command) after an abandoned request. */
async function slot(start: (port: number) => Promise<ChildServer>): Promise<ServerSlot> {
  const launch = async () => start(await freePort());
  let server = await launch();
  return {
    get server() {
      return server;
    },
    async restart() {
      await server.stop();
      server = await launch();
    },
  };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function emptyWalk(): PassResult['walk']['host'] {
  return {
    pages: 0,
    totalPages: 0,
    total: 0,
    complete: false,
    stoppedBecause: 'not run',
    seconds: 0,
    pagesPerSecond: 0,
    slowestMs: 0,
    slowestPage: 0,
    distinctIds: 0,
    duplicateIds: 0,
    mismatch: null,
  };
}
