import { parseFlags } from '../flags';

/** Command-line flags of `npm run soak`. */
export interface SoakOptions {
  /** Requests sent per second, on schedule whatever the answers (open loop). */
  rate: number;
  durationSeconds: number;
  /** Percent of the requests that create a customer (the rest are reads). */
  createsPercent: number;
  database: 'sqlite' | 'mariadb';
  mysqlServerUrl: string | null;
  customers: number;
  /** Seconds per row of the report (a minute by default). */
  intervalSeconds: number;
  /** Most connections the load generator opens (past them requests wait on its side, and that wait is counted). */
  connections: number;
}

const FLAGS = ['rate', 'duration', 'creates', 'db', 'customers', 'interval', 'connections'];

export function parseSoakOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): SoakOptions {
  const flags = parseFlags(argv, FLAGS);
  const number = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = Number(flags.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const database = flags.get('db') ?? 'sqlite';
  if (database !== 'sqlite' && database !== 'mariadb') throw new Error('--db must be sqlite or mariadb');
  const mysqlServerUrl = env.BENCH_MYSQL_URL || env.TEST_MYSQL_URL || null;
  if (database === 'mariadb' && !mysqlServerUrl)
    throw new Error('--db mariadb needs BENCH_MYSQL_URL (or TEST_MYSQL_URL), e.g. mysql://user:pass@127.0.0.1:3306/x');
  return {
    rate: number('rate', 200, 1),
    durationSeconds: number('duration', 300, 1),
    createsPercent: number('creates', 5, 0, 100),
    database,
    mysqlServerUrl,
    customers: number('customers', 10_000, 1),
    intervalSeconds: number('interval', 60, 1),
    connections: number('connections', 256, 1),
  };
}
