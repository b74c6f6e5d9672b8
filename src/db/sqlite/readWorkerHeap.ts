import v8 from 'node:v8';
import type { ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A read worker's heap: its rows are garbage once posted to the main thread, so a small young generation is enough —
 * 16 MiB (semi-spaces of about 5 MiB), not the main thread's: started with `--max-semi-space-size=32`, each of the up to
 * four workers grew 64 MiB of new space too (in a million-customer SQLite bench the server's peak RSS reached 325 MiB;
 * limit 300).
 */
export const READ_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

/** Workers created and not yet online: the flag stays unset until the last of them has its heap. */
let pending = 0;

/**
 * Creates a worker that takes READ_WORKER_LIMITS even when the process was started with `--max-semi-space-size`.
 * Every isolate reads the process's V8 flags when it is made — on the new thread, after `new Worker` returns — and V8
 * prefers that flag over a Worker's resourceLimits. So the flag is unset (0: V8's own sizing, or the limits) until the
 * worker is online, then given back: workers an embedding app creates later keep what the process was started with.
 * The running main thread's heap was sized at its start and keeps its size.
 */
export function createReadWorker(create: (limits: ResourceLimits) => Worker): Worker {
  const started = startedSemiSpaceSize();
  if (started === null) return create(READ_WORKER_LIMITS);
  if (pending++ === 0) v8.setFlagsFromString('--max-semi-space-size=0');
  let givenBack = false;
  const giveBack = () => {
    if (givenBack) return;
    givenBack = true;
    if (--pending === 0) v8.setFlagsFromString(`--max-semi-space-size=${started}`);
  };
  try {
    return create(READ_WORKER_LIMITS).once('online', giveBack).once('exit', giveBack);
  } catch (error) {
    giveBack();
    throw error;
  }
}

/** The `--max-semi-space-size` the process was started with (its arguments or NODE_OPTIONS; the last one counts). */
export function startedSemiSpaceSize(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): string | null {
  const args = [...nodeOptions.split(/\s+/).filter(Boolean), ...execArgv];
  let size: string | null = null;
  args.forEach((arg, index) => {
    const flag = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/.exec(arg);
    if (!flag) return;
    const value = flag[1] ?? args[index + 1];
    if (value !== undefined && /^\d+$/.test(value)) size = value;
  });
  return size;
}
