/**
 * `npm run soak`: wc-host's `serve` on a fresh seeded database of its own, under an open-loop mixed load (reads and
 * creates) at --rate for --duration seconds; prints per interval (a minute) the throughput, latency, RSS and
 * refusals, then whether the accepted requests kept a p99 under 100 ms. See bench/README.md, "Soak".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startChildServer } from '../childServer';
import { freshDatabase } from '../freshDatabase';
import { npmStartNodeFlags } from '../npmStartFlags';
import { prepareDatabase } from '../prepareDatabase';
import { emptyInterval, mergeInterval } from './intervalStats';
import { soakMix } from './mix';
import { runOpenLoop } from './openLoop';
import { parseSoakOptions } from './options';
import { printHeader, printRow, printVerdict } from './report';

const WARM_UP_REQUESTS = 200;

async function main(): Promise<void> {
  const options = parseSoakOptions(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  log(
    `soak: ${options.rate} req/s for ${options.durationSeconds} s, ${options.createsPercent} % creates, ${options.database}, ` +
      `${options.customers.toLocaleString('en-US')} customers, at most ${options.connections} connections`,
  );
  const limits = Object.entries(process.env).filter(([name]) => /^WC_HOST_(MAX_|SHED_)/.test(name));
  log(`server limits: ${limits.length ? limits.map(([name, value]) => `${name}=${value}`).join(' ') : 'defaults'}`);

  const target = await freshDatabase(options.database, options.mysqlServerUrl);
  try {
    const prepared = await prepareDatabase(target, { customers: options.customers, orders: options.customers }, log);
    const port = await freePort();
    const server = await startChildServer(
      'wc-host',
      [...npmStartNodeFlags(), path.join(__dirname, '..', 'hostServer.js')],
      { DATABASE_URL: target.url, LOG_LEVEL: 'warn' },
      port,
      '/healthz',
    );
    try {
      const rssMiB = (): number | null => {
        try {
          const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
          return match ? Math.round(Number(match[1]) / 1024) : null;
        } catch {
          return null;
        }
      };
      const next = soakMix(prepared.catalog, options.createsPercent, String(process.pid));
      // Unrecorded: the first requests pay for JIT compilation and cold caches, which no later minute does.
      for (let n = 0; n < WARM_UP_REQUESTS; n++) {
        const request = next(1_000_000_000 + n); // numbers the measured run never reaches (unique emails)
        const response = await fetch(server.url + request.path, {
          method: request.method,
          body: request.body,
          headers: { Authorization: prepared.authorization, 'Content-Type': 'application/json' },
        });
        await response.arrayBuffer();
      }
      log('');
      printHeader();
      const total = emptyInterval();
      const intervals = await runOpenLoop({
        url: server.url,
        authorization: prepared.authorization,
        rate: options.rate,
        durationSeconds: options.durationSeconds,
        intervalSeconds: options.intervalSeconds,
        connections: options.connections,
        next,
        rssMiB,
        onInterval(index, stats) {
          const seconds = Math.min(options.intervalSeconds, options.durationSeconds - index * options.intervalSeconds);
          printRow(`${index * options.intervalSeconds}s-`, stats, seconds);
        },
      });
      intervals.forEach((stats) => mergeInterval(total, stats));
      printRow('all', total, options.durationSeconds);
      printVerdict(total);
      log(`peak RSS ${server.peakRssMiB()} MiB`);
    } finally {
      await server.stop();
    }
  } finally {
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
