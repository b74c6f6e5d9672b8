import { parseFlags } from './flags';

/** Command-line flags of `npm run bench`. */
export interface BenchOptions {
  customers: number;
  orders: number;
  /** Which databases to measure: SQLite always can; MariaDB needs BENCH_MYSQL_URL or TEST_MYSQL_URL. */
  databases: Array<'sqlite' | 'mariadb'>;
  durationSeconds: number;
  /** Unrecorded warm-up before each timed scenario. */
  warmUpSeconds: number;
  connections: number;
  mysqlServerUrl: string | null;
  /** MariaDB buffer pool sizes to run the scenarios under; empty: as the server is configured (no resize). */
  bufferPools: BufferPoolSize[];
  /** A request taking longer is reported as timed out. */
  timeoutSeconds: number;
  /** Pages of the export walk; null: all of them. */
  walkPages: number | null;
  /** The API the scenarios call: v2 answers orders_count and total_spent (so the order storage matters), v3 does not. */
  api: 'v2' | 'v3';
  /** Requests of each write scenario (fewer in the quick run). */
  writes: { create: number; update: number; batch: number };
  /** wc-host's worker processes (WC_HOST_WORKERS), one pass per count: `--workers 1,2` sets them side by side. */
  workers: number[];
  /** No --customers flag: the quick default run (small, short, one buffer pool size). */
  quick: boolean;
}

export interface BufferPoolSize {
  label: string;
  bytes: number;
}

const FLAGS = [
  'customers',
  'orders',
  'db',
  'duration',
  'connections',
  'buffer-pool',
  'baseline-timeout',
  'walk-pages',
  'api',
  'workers',
];

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = parseFlags(argv, FLAGS);
  const mysqlServerUrl = env.BENCH_MYSQL_URL || env.TEST_MYSQL_URL || null;
  const db = flags.get('db') ?? (mysqlServerUrl ? 'both' : 'sqlite');
  if (!['sqlite', 'mariadb', 'both'].includes(db)) throw new Error('--db must be sqlite, mariadb or both');
  if (db !== 'sqlite' && !mysqlServerUrl)
    throw new Error('--db mariadb needs BENCH_MYSQL_URL (or TEST_MYSQL_URL), e.g. mysql://user:pass@127.0.0.1:3306/x');
  const integer = (name: string, fallback: number, min: number) => {
    const value = Number(flags.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  const quick = !flags.has('customers');
  const customers = integer('customers', 10_000, 1);
  const durationSeconds = integer('duration', quick ? 1 : 10, 1);
  const api = flags.get('api') ?? 'v2';
  if (api !== 'v2' && api !== 'v3') throw new Error('--api must be v2 or v3');
  return {
    customers,
    orders: integer('orders', customers * 3, 0),
    databases: db === 'both' ? ['sqlite', 'mariadb'] : [db as 'sqlite' | 'mariadb'],
    durationSeconds,
    warmUpSeconds: Math.min(5, Math.ceil(durationSeconds / 2)),
    connections: integer('connections', 8, 1),
    mysqlServerUrl,
    bufferPools: flags.has('buffer-pool') || !quick ? parseSizes(flags.get('buffer-pool') ?? '128M,1G') : [],
    timeoutSeconds: integer('baseline-timeout', quick ? 10 : 30, 1),
    walkPages: flags.has('walk-pages') ? integer('walk-pages', 1, 1) : null,
    api,
    writes: quick ? { create: 20, update: 50, batch: 2 } : { create: 40, update: 100, batch: 4 },
    workers: parseWorkerCounts(flags.get('workers') ?? '1'),
    quick,
  };
}

/** `1,2` → [1, 2]: each a whole number of worker processes from 1 to 64, none twice. */
function parseWorkerCounts(list: string): number[] {
  const counts = list.split(',').map((item) => Number(item.trim()));
  if (
    counts.some((count) => !Number.isInteger(count) || count < 1 || count > 64) ||
    new Set(counts).size !== counts.length
  ) {
    throw new Error(`--workers must be worker counts from 1 to 64, comma-separated (e.g. 1,2), got "${list}"`);
  }
  return counts;
}

/** `128M,1G` → sizes in bytes (K, M, G suffixes; a plain number is bytes). */
function parseSizes(list: string): BufferPoolSize[] {
  return list.split(',').map((label) => {
    const match = /^(\d+)([KMG]?)$/i.exec(label.trim());
    if (!match) throw new Error(`--buffer-pool: "${label}" is not a size like 128M or 1G`);
    const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
    return { label: label.trim().toUpperCase(), bytes: Number(match[1]) * unit };
  });
}
