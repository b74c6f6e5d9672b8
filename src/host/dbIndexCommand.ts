import type { DatabaseIndex, IndexProgress } from './databaseIndexes';

export interface DbIndexCommandDeps {
  indexes: readonly DatabaseIndex[];
  out: (line: string) => void;
  err: (line: string) => void;
  progress: (step: IndexProgress) => void;
}

export const DB_INDEX_USAGE = [
  'Usage:',
  '  wc-host db index            Create what the fast paths need (idempotent, resumable, safe while the site serves)',
  '  wc-host db index --status   Say what exists and how far it is filled',
  '  wc-host db index --drop     Remove it all again, leaving the database as it was before',
];

/** `wc-host db index [--status|--drop]`. Returns the exit code. */
export async function runDbIndexCommand(argv: string[], deps: DbIndexCommandDeps): Promise<number> {
  const [subcommand, ...flags] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help' || flags.includes('--help')) {
    DB_INDEX_USAGE.forEach(deps.out);
    return 0;
  }
  const known = new Set(['--status', '--drop']);
  if (subcommand !== 'index' || flags.some((flag) => !known.has(flag)) || flags.length > 1) {
    deps.err(
      subcommand === 'index'
        ? `Unknown option "${flags.find((flag) => !known.has(flag)) ?? flags[1]}".`
        : `Unknown subcommand "${subcommand ?? ''}".`,
    );
    DB_INDEX_USAGE.forEach(deps.err);
    return 1;
  }
  for (const index of deps.indexes) {
    if (flags[0] === '--status') {
      const status = await index.status();
      deps.out(
        `${index.name}: ${status.ready ? 'ready' : status.installed ? 'installed, not filled yet' : 'not installed'} — ${index.description}`,
      );
      status.details.forEach((line) => deps.out(`  ${line}`));
    } else if (flags[0] === '--drop') {
      await index.drop();
      deps.out(`${index.name}: removed`);
    } else {
      const started = Date.now();
      await index.install(deps.progress);
      deps.out(`${index.name}: ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return 0;
}
