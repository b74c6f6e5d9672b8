/** Command-line flags of `npm run bench`. */
export interface BenchOptions {
  customers: number;
  /** Which databases to measure: SQLite always can; MariaDB needs BENCH_MYSQL_URL or TEST_MYSQL_URL. */
  databases: Array<'sqlite' | 'mariadb'>;
  durationSeconds: number;
  connections: number;
  mysqlServerUrl: string | null;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=');
    flags.set(name, inline ?? argv[++i] ?? '');
  }
  const mysqlServerUrl = env.BENCH_MYSQL_URL || env.TEST_MYSQL_URL || null;
  const db = flags.get('db') ?? (mysqlServerUrl ? 'both' : 'sqlite');
  if (!['sqlite', 'mariadb', 'both'].includes(db)) throw new Error('--db must be sqlite, mariadb or both');
  if (db !== 'sqlite' && !mysqlServerUrl) throw new Error('--db mariadb needs BENCH_MYSQL_URL (or TEST_MYSQL_URL), e.g. mysql://user:pass@127.0.0.1:3306/x');
  const positive = (name: string, fallback: number) => {
    const value = Number(flags.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return {
    customers: positive('customers', 10_000),
    databases: db === 'both' ? ['sqlite', 'mariadb'] : [db as 'sqlite' | 'mariadb'],
    durationSeconds: positive('duration', 10),
    connections: positive('connections', 8),
    mysqlServerUrl,
  };
}
